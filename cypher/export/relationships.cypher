// Every relationship between entities, streamed by the bulk export.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS rel
ORDER BY r.id
