MATCH (t:AichiTarget {id: $target})
MATCH path = (a:Activity)-[:SUPPORTS|PART_OF|CONCERNS*0..1]->(via:Entity)-[:SERVES]->(t)
WITH path, a, via ORDER BY a.id LIMIT $limit
RETURN a {.id, .name, .status} AS activity, via.kind AS via,
  [(a)-[:PART_OF]->(w:WorkProgramme) | w {.id, .name}][0] AS programme,
  [(a)-[:CONCERNS]->(s:Taxon) | s.scientificName] AS species,
  [r IN relationships(path) | {type: type(r), basis: r.basis, citations: r.citations}] AS steps
