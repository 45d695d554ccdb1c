// Full-text search; $text is already escaped for Lucene by the caller. Hits are sorted and cut before
// their properties are read, so a common word costs one sort, not one projection per hit.
CALL db.index.fulltext.queryNodes('entity_search', $text) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC, node.id
LIMIT $limit
RETURN properties(node) AS node, score
