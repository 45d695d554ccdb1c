// Nodes not in this load (their entry left data/) disappear with their relationships.
MATCH (n:Entity)
WHERE n.stamp IS NULL OR n.stamp <> $stamp
DETACH DELETE n
RETURN count(*) AS deleted
