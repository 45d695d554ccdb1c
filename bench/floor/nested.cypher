MATCH (w:Entity)
WHERE w.kind = 'WorkProgramme' AND w.id > $after
WITH w ORDER BY w.kind, w.id LIMIT $limit
RETURN w.id AS id, w.name AS name,
  COLLECT { MATCH (a:Activity)-[:PART_OF]->(w) RETURN a {.id, .name, .status} ORDER BY a.id LIMIT $nested } AS activities,
  COUNT { (:Activity)-[:PART_OF]->(w) } AS total
