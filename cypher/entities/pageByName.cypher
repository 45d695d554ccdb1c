// A keyset page of one kind in name order, ties broken by key; the entity_kind_name index gives the
// (kind, name) order, so only rows with equal names are sorted.
MATCH (n:Entity)
WHERE n.kind = $kind AND n.name >= $afterName
WITH n ORDER BY n.kind, n.name, n.id
WHERE (n.name > $afterName OR n.id > $afterKey)
  AND {{entityFilter}}
WITH n
LIMIT $limit
RETURN {{projection}}, {{prefetched}}
