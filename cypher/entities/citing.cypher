// Everything that cites one of a batch of paragraphs ("<doc>#<locator>"): the report read back.
UNWIND $citations AS citation
CALL (citation) {
  MATCH (n:Entity)
  WHERE citation IN n.citations
  RETURN collect(properties(n)) AS entities
}
CALL (citation) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE citation IN r.citations
  RETURN collect({type: type(r), from: a.id, to: b.id, rel: properties(r), fromNode: properties(a), toNode: properties(b)}) AS relationships
}
RETURN citation, entities, relationships
