// One batch of entities whose content (properties, provenance or label: contentHash) changed, reached
// by element id: new properties and label, firstLoadedAt kept, changedAt now; labels it lost removed.
UNWIND $rows AS row
MATCH (n)
WHERE elementId(n) = row.eid
WITH n, row, n.firstLoadedAt AS firstLoadedAt
SET n = row.props
SET n.firstLoadedAt = coalesce(firstLoadedAt, $loadedAt), n.changedAt = $loadedAt
SET n:$(row.label)
WITH n, row, [l IN labels(n) WHERE l <> 'Entity' AND l <> row.label] AS stale
REMOVE n:$(stale)
RETURN count(*) AS updated
