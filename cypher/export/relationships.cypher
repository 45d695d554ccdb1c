// Every relationship between entities (or those changed after $changedSince), streamed by the bulk export.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $changedSince IS NULL OR r.changedAt > $changedSince
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS rel
ORDER BY r.id
