// Full-text search over names, descriptions and wording of every kind.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.nameFr, n.description, n.text, n.shortTitle, n.scientificName, n.symbol, n.acronym, n.searchAliases]
