// One batch of relationships, identified by their id (from--TYPE--to[--key]). firstLoadedAt and
// changedAt are kept as for nodes; a relationship that comes back loses its tombstone.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, r.firstLoadedAt AS firstLoadedAt,
  CASE WHEN r.contentHash = row.props.contentHash THEN r.changedAt ELSE $loadedAt END AS changedAt
SET r = row.props
SET r.firstLoadedAt = coalesce(firstLoadedAt, $loadedAt), r.changedAt = changedAt
WITH r
OPTIONAL MATCH (t:Tombstone {id: r.id})
DELETE t
RETURN count(*) AS merged
