// Relationships not in this load (their entry left data/) disappear, each leaving a tombstone.
MATCH (:Entity)-[r]->(:Entity)
WHERE r.stamp IS NULL OR r.stamp <> $stamp
MERGE (t:Tombstone {id: r.id})
SET t.kind = 'RELATIONSHIP', t.type = type(r), t.deletedAt = $loadedAt
DELETE r
RETURN count(*) AS deleted
