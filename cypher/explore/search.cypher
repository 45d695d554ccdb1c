// Full-text search; $text is already escaped for Lucene by the caller.
CALL db.index.fulltext.queryNodes('entity_search', $text) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN properties(node) AS node, score
ORDER BY score DESC, node.id
LIMIT $limit
