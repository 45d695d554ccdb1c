// The single full-text index of earlier versions (standard analyzer), replaced by entity_search_en and
// entity_search_fr; dropped so a database loaded before does not keep it.
DROP INDEX entity_search IF EXISTS
