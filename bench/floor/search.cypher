CALL db.index.fulltext.queryNodes('entity_search_en', $text) YIELD node, score
RETURN node.id AS id, node.name AS name, score
ORDER BY score DESC
LIMIT $limit
