// Ids are unique across every kind, so one lookup by id serves node(id) and the loader's MERGE.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE
