// A keyset page of one kind in key order, read backwards from $beforeKey (the caller reverses it): the
// entity_kind_id index gives (kind, id) in descending order too, so Neo4j stops at $limit.
MATCH (n:Entity)
WHERE n.kind = $kind AND n.id < $beforeKey
WITH n ORDER BY n.kind DESC, n.id DESC
WHERE {{entityFilter}}
WITH n
LIMIT $limit
RETURN {{projection}}, {{prefetched}}
