// How many links each of a batch of entities has (the same choice of direction, types and kind as
// links.cypher): the totalCount of a relationship field's connection, and where its last page starts.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($kind IS NULL OR m.kind = $kind)
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n))
} AS total
