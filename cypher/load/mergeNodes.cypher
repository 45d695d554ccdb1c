// One batch of nodes. Every node is an :Entity plus its own label; labels it no longer has are removed.
// firstLoadedAt is kept across loads; changedAt moves to $loadedAt only when the node's content (its
// properties, provenance and label: contentHash) changed; a node that comes back loses its tombstone.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.firstLoadedAt AS firstLoadedAt,
  CASE WHEN n.contentHash = row.props.contentHash THEN n.changedAt ELSE $loadedAt END AS changedAt
SET n = row.props
SET n.firstLoadedAt = coalesce(firstLoadedAt, $loadedAt), n.changedAt = changedAt
SET n:$(row.label)
WITH n, row, [l IN labels(n) WHERE l <> 'Entity' AND l <> row.label] AS stale
REMOVE n:$(stale)
WITH n
OPTIONAL MATCH (t:Tombstone {id: n.id})
DELETE t
RETURN count(*) AS merged
