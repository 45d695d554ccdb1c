// A keyset page of one kind in key order. Ordering by (kind, id), the columns of the entity_kind_id
// index, lets Neo4j read rows in order and stop at $limit instead of sorting the whole kind.
MATCH (n:Entity)
WHERE n.kind = $kind AND n.id > $afterKey
WITH n ORDER BY n.kind, n.id
WHERE {{entityFilter}}
WITH n
LIMIT $limit
RETURN {{projection}}, {{prefetched}}
