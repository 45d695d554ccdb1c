// One batch of nodes. Every node is an :Entity plus its own label; labels it no longer has are removed.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
SET n:$(row.label)
WITH n, [l IN labels(n) WHERE l <> 'Entity' AND l <> row.label] AS stale
REMOVE n:$(stale)
RETURN count(*) AS merged
