MATCH (n:Entity)
WHERE n.kind = 'Activity' AND n.id > $after
RETURN n.id AS id, n.name AS name, n.status AS status, n.startYear AS startYear
ORDER BY n.kind, n.id
LIMIT $limit
