// One batch of relationships whose content changed, reached by element id: new properties,
// firstLoadedAt kept, changedAt now. (A changed type or end is a different id: deleted and created.)
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.eid
WITH r, row, r.firstLoadedAt AS firstLoadedAt
SET r = row.props
SET r.firstLoadedAt = coalesce(firstLoadedAt, $loadedAt), r.changedAt = $loadedAt
RETURN count(*) AS updated
