// What loads removed after $changedSince: the tombstones of entities (kind: their label) and
// relationships (kind: RELATIONSHIP, with their type).
MATCH (t:Tombstone)
WHERE t.deletedAt > $changedSince
RETURN t.id AS key, t.kind AS kind, t.type AS type, t.deletedAt AS deletedAt
ORDER BY t.deletedAt, t.id
