// One tombstone per deleted entity or relationship id (a mirror following changedSince removes it).
CREATE CONSTRAINT tombstone_id IF NOT EXISTS FOR (t:Tombstone) REQUIRE t.id IS UNIQUE
