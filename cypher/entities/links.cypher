// The relationships of a batch of entities that $choice means (linkOfChoice), with the entity at the
// other end; at most $limit per entity, ordered by the property the model declares for the field
// ($orderBy, then key), or by relationship type and key. Each entity and relationship whole, or the values
// of the properties the query reads ($nodeProps, $relProps), as the prefetched links.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH id, n, $choice AS choice
CALL (n, choice) {
  MATCH (n)-[r]-(m:Entity)
  WHERE {{linkOfChoice}}
  RETURN r, m
  ORDER BY CASE WHEN $orderBy IS NULL THEN type(r) END, CASE WHEN $orderBy IS NOT NULL THEN m[$orderBy] END, m.id
  LIMIT $limit
}
RETURN id, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to,
  CASE WHEN $relProps IS NULL THEN properties(r) ELSE [k IN $relProps | r[k]] END AS rel,
  CASE WHEN $nodeProps IS NULL THEN properties(m) ELSE [k IN $nodeProps | m[k]] END AS node
