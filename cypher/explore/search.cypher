// Full-text search in both languages: $english in the English index, $french in the French one (both
// already escaped for Lucene by the caller). A hit's relevance is its best score in either index; hits
// are sorted and cut before their properties are read, so a common word costs one sort, not one
// projection per hit.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_en', $english) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_fr', $french) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
WHERE $kinds IS NULL OR node.kind IN $kinds
ORDER BY score DESC, node.id
LIMIT $limit
RETURN properties(node) AS node, score
