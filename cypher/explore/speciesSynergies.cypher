// For each taxon: the listings of it or of a higher taxon holding it, and the instruments, decisions,
// initiatives and activities concerning it or a higher taxon, each counted for the conventions it
// belongs to by facts about itself (conventionsOf). Counted in full; only the first $limit of each side
// come back with their properties, sourced links before curated ones. $coverage (or null for all) keeps
// the taxa so covered; at most $taxa taxa by key, out of the first $scan (all of them when a coverage
// is asked: which are so covered is known only once counted).
MATCH (s:Taxon)
WHERE $taxon IS NULL OR s.id = $taxon
WITH s ORDER BY s.id LIMIT $scan
CALL (s) {
  MATCH (s)-[:PART_OF*0..3]->(anc:Taxon)
  MATCH (anc)-[r:LISTED_IN|CONCERNS]-(x:Entity)
  WHERE type(r) = 'LISTED_IN' OR endNode(r) = anc
  WITH DISTINCT r, x
  WITH r, x, {{conventionsOf}} AS conventions
  ORDER BY CASE r.basis WHEN 'sourced' THEN 0 ELSE 1 END, type(r), x.id
  RETURN collect(CASE WHEN 'cms' IN conventions THEN {x: x, r: r} END) AS cms,
         collect(CASE WHEN 'cites' IN conventions THEN {x: x, r: r} END) AS cites
}
WITH s, cms, cites, {{coverage}} AS coverage
WHERE $coverage IS NULL OR coverage = $coverage
RETURN properties(s) AS subject, size(cms) AS cmsCount, size(cites) AS citesCount, coverage,
  [e IN cms[0..$limit] | {node: properties(e.x), relationship: {type: type(e.r), from: startNode(e.r).id, to: endNode(e.r).id, rel: properties(e.r)}}] AS cms,
  [e IN cites[0..$limit] | {node: properties(e.x), relationship: {type: type(e.r), from: startNode(e.r).id, to: endNode(e.r).id, rel: properties(e.r)}}] AS cites
ORDER BY s.id
LIMIT $taxa
