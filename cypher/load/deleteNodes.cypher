// One batch of entities no longer in the data (their entry left data/), reached by element id: each
// disappears with its relationships and leaves a tombstone, so a mirror following changedSince removes it too.
UNWIND $rows AS row
MATCH (n)
WHERE elementId(n) = row.eid
MERGE (t:Tombstone {id: n.id})
SET t.kind = n.kind, t.deletedAt = $loadedAt
DETACH DELETE n
RETURN count(*) AS deleted
