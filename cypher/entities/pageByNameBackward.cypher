// A keyset page of one kind in name order (ties by key), read backwards from ($beforeName, $beforeKey);
// the caller reverses it.
MATCH (n:Entity)
WHERE n.kind = $kind AND n.name <= $beforeName
WITH n ORDER BY n.kind DESC, n.name DESC, n.id DESC
WHERE (n.name < $beforeName OR n.id < $beforeKey)
  AND {{entityFilter}}
WITH n
LIMIT $limit
RETURN {{projection}}, {{prefetched}}
