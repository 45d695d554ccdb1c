// Full-text search in both languages: $english in the English index, $french in the French one (both
// already escaped for Lucene by the caller). A hit's relevance is its best score in either index. Without
// a kind filter each index returns only its $limit best ($indexOptions.limit): a node in the best $limit
// by its best score is in the best $limit of the index that gave that score, so the merge loses nothing
// and a common word costs a top-k inside Lucene instead of every hit (among hits of equal score, which
// make the cut is the index's choice). With a kind filter the indexes return every hit, filtered here.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_en', $english, $indexOptions) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_fr', $french, $indexOptions) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
WHERE $kinds IS NULL OR node.kind IN $kinds
ORDER BY score DESC, node.id
LIMIT $limit
WITH node AS n, score
RETURN {{projection}}, score
