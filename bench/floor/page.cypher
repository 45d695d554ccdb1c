MATCH (n:Entity)
WHERE n.kind = 'Activity' AND n.id > $after
RETURN n.id AS id, n.name AS name, n.status AS status
ORDER BY n.kind, n.id
LIMIT $limit
