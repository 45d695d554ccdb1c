// Nodes not in this load (their entry left data/) disappear with their relationships, each leaving a
// tombstone so a mirror following changedSince removes it too.
MATCH (n:Entity)
WHERE n.stamp IS NULL OR n.stamp <> $stamp
MERGE (t:Tombstone {id: n.id})
SET t.kind = n.kind, t.deletedAt = $loadedAt
DETACH DELETE n
RETURN count(*) AS deleted
