// One batch of relationships no longer in the data, reached by element id: each leaves a tombstone.
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.eid
MERGE (t:Tombstone {id: r.id})
SET t.kind = 'RELATIONSHIP', t.type = type(r), t.deletedAt = $loadedAt
DELETE r
RETURN count(*) AS deleted
