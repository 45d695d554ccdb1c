// Full-text search in French (the report, its paragraphs, the French names): elisions (d'Afrique),
// accent folding (éléphant = elephant), light stemming (tortues = tortue), French stop words. It holds
// the English names and descriptions too, so a French or unaccented query also finds English names.
CREATE FULLTEXT INDEX entity_search_fr IF NOT EXISTS
FOR (n:Entity) ON EACH [n.nameFr, n.name, n.description, n.text, n.shortTitle, n.searchAliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'french' } }
