MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH path = (c)-[rels*1..2]-(m:Entity)
  WHERE m <> c
  WITH m, min(length(path)) AS distance
  RETURN m ORDER BY distance, m.id LIMIT $limit
}
WITH c, collect(m) AS around
WITH c, around, [c] + around AS members
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[r]->(y:Entity)
  WHERE y IN members
  RETURN collect(DISTINCT {key: r.id, type: type(r), from: x.id, to: y.id, basis: r.basis, rationale: r.rationale}) AS relationships
}
RETURN [m IN around | m {.kind, .id, .name}] AS nodes, relationships
