// Everything that cites one of a batch of paragraphs ("<doc>#<locator>"): the report read back,
// at most 200 entities and 200 relationships each (Statements declares that size).
UNWIND $citations AS citation
CALL (citation) {
  MATCH (n:Entity)
  WHERE citation IN n.citations
  WITH n ORDER BY n.id LIMIT 200
  RETURN collect(properties(n)) AS entities
}
CALL (citation) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE citation IN r.citations
  WITH a, r, b ORDER BY a.id, type(r), b.id LIMIT 200
  RETURN collect({type: type(r), from: a.id, to: b.id, rel: properties(r), fromNode: properties(a), toNode: properties(b)}) AS relationships
}
RETURN citation, entities, relationships
