// A keyset page of one kind in key order: the (kind, id) index gives rows already sorted.
MATCH (n:Entity)
WHERE n.kind = $kind AND n.id > $afterKey
  AND ({{entityFilter}})
RETURN properties(n) AS node
ORDER BY n.id
LIMIT $limit
