// For each taxon: the listings of it or of a higher taxon holding it, and the instruments, decisions,
// initiatives and activities concerning it or a higher taxon, each with the conventions it belongs to.
MATCH (s:Taxon)
WHERE $taxon IS NULL OR s.id = $taxon
CALL (s) {
  MATCH (s)-[:PART_OF*0..3]->(anc:Taxon)
  MATCH (anc)-[r:LISTED_IN|CONCERNS]-(x:Entity)
  WHERE type(r) = 'LISTED_IN' OR endNode(r) = anc
  WITH DISTINCT r, x, anc
  RETURN collect({
    node: properties(x),
    conventions: [c IN
      CASE WHEN x:Convention THEN [x.id] ELSE
        [x.convention]
        + [(x)-[:UNDER|BETWEEN]->(c:Convention) | c.id]
        + [(x)-[:PART_OF]->(:WorkProgramme)-[:BETWEEN]->(c:Convention) | c.id]
      END WHERE c IS NOT NULL],
    rel: {type: type(r), from: startNode(r).id, to: endNode(r).id, rel: properties(r)}}) AS reaches
}
RETURN properties(s) AS taxon, reaches
ORDER BY s.id
