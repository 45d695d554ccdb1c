MATCH (a:Activity {id: $id})
RETURN a {.id, .name, .status, .theme} AS activity, [(a)-[:PART_OF]->(w:WorkProgramme) | w {.id, .name}] AS programme
