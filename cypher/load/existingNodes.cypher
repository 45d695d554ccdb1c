// What the graph holds before a load: every entity's key, element id (to reach it again in this
// transaction without an index) and content hash, so the loader creates, changes or deletes only what differs.
MATCH (n:Entity)
RETURN n.id AS id, elementId(n) AS eid, n.contentHash AS hash
