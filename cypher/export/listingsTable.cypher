// The listings of taxa in the CITES and CMS appendices as a table (GET /export/listings.csv).
MATCH (t:Taxon)-[r:LISTED_IN]->(c:Convention)
RETURN t.id AS taxon, t.scientificName AS scientificName, c.id AS convention, r.appendix AS appendix, r.since AS since,
  r.asOf AS asOf, r.populations AS populations, r.annotation AS annotation, r.basis AS basis, r.citations AS citations
ORDER BY t.id, c.id, r.id
