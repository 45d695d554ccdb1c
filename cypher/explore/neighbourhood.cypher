// Entities up to $depth relationships from a centre (through $types, or all), at most $limit of them,
// nearest first, with every relationship among the entities returned.
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH path = (c)-[rels*1..{{maxDepth}}]-(m:Entity)
  WHERE length(path) <= $depth AND m <> c
    AND ($types IS NULL OR all(r IN rels WHERE type(r) IN $types))
  WITH m, min(length(path)) AS distance
  RETURN m ORDER BY distance, m.id LIMIT $limit
}
WITH c, collect(m) AS around
WITH c, around, [c] + around AS members
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[r]->(y:Entity)
  WHERE y IN members AND ($types IS NULL OR type(r) IN $types)
  RETURN collect(DISTINCT {type: type(r), from: x.id, to: y.id, rel: properties(r)}) AS relationships
}
RETURN properties(c) AS centre, [m IN around | properties(m)] AS nodes, relationships
