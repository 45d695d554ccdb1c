// Every entity (or those changed after $changedSince), streamed by the bulk export.
MATCH (n:Entity)
WHERE $changedSince IS NULL OR n.changedAt > $changedSince
RETURN properties(n) AS node
ORDER BY n.id
