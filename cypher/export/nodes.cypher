// Every entity, streamed by the bulk export.
MATCH (n:Entity)
RETURN properties(n) AS node
ORDER BY n.id
