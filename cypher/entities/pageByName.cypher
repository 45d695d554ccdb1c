// A keyset page of one kind in name order, ties broken by key.
MATCH (n:Entity)
WHERE n.kind = $kind AND n.name >= $afterName
  AND (n.name > $afterName OR n.id > $afterKey)
  AND ({{entityFilter}})
RETURN properties(n) AS node
ORDER BY n.name, n.id
LIMIT $limit
