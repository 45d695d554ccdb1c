// Keyset pages of one kind in id order: a seek on kind, rows already sorted by id.
CREATE INDEX entity_kind_id IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.id)
