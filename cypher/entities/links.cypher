// The relationships of a batch of entities (one direction or both, some types or all, to one kind or
// any), with the entity at the other end; at most $limit per entity, ordered by the property the model
// declares for the field ($orderBy, then key), or by relationship type and key.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($kind IS NULL OR m.kind = $kind)
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n))
  RETURN r, m
  ORDER BY CASE WHEN $orderBy IS NULL THEN type(r) END, CASE WHEN $orderBy IS NOT NULL THEN m[$orderBy] END, m.id
  LIMIT $limit
}
RETURN id, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS rel, properties(m) AS node
