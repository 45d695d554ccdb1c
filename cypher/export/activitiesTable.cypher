// The activities as a table (GET /export/activities.csv): one row each, by key, with the keys of their
// programmes and of the taxa they concern.
MATCH (a:Activity)
RETURN a.id AS key, a.name AS name, a.status AS status, a.theme AS theme, a.startYear AS startYear, a.endYear AS endYear,
  COLLECT { MATCH (a)-[:PART_OF]->(w:WorkProgramme) RETURN w.id ORDER BY w.id } AS programmes,
  COLLECT { MATCH (a)-[:CONCERNS]->(t:Taxon) RETURN t.id ORDER BY t.id } AS taxa,
  a.basis AS basis, a.changedAt AS changedAt
ORDER BY a.id
