// One batch of new relationships (id: from--TYPE--to[--key]) between entities already loaded. CREATE,
// not MERGE: the loader knows they are not in the graph, and MERGE would scan a hub's relationships for
// each one (quadratic at scale). A relationship that comes back loses its tombstone.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props, r.firstLoadedAt = $loadedAt, r.changedAt = $loadedAt
WITH r
OPTIONAL MATCH (t:Tombstone {id: r.id})
DELETE t
RETURN count(*) AS created
