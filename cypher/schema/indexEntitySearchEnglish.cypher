// Full-text search in English (most names and descriptions): stemming (elephants = elephant), English
// stop words. Its properties differ from the French index's: Neo4j allows one full-text index per schema.
CREATE FULLTEXT INDEX entity_search_en IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.description, n.text, n.shortTitle, n.scientificName, n.symbol, n.acronym, n.searchAliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } }
