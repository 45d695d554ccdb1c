// One batch of new entities: each an :Entity plus its own label, first loaded and changed now. CREATE,
// not MERGE: the loader knows they are not in the graph. A key that comes back loses its tombstone.
UNWIND $rows AS row
CREATE (n:Entity:$(row.label))
SET n = row.props, n.firstLoadedAt = $loadedAt, n.changedAt = $loadedAt
WITH n
OPTIONAL MATCH (t:Tombstone {id: n.id})
DELETE t
RETURN count(*) AS created
