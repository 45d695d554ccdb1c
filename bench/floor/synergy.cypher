MATCH (t:AichiTarget {id: $target})
CALL (t) {
  OPTIONAL MATCH (t)<-[r:SERVES]-(x:Entity)
  WITH x, [c IN [x.convention] + [(x)-[:PART_OF]->(o) WHERE o.convention IS NOT NULL | o.convention]
    + [(x)-[:PART_OF*0..1]->()-[:UNDER|BETWEEN]->(c:Convention) | c.id] WHERE c IS NOT NULL] AS conventions
  ORDER BY x.id
  RETURN collect(CASE WHEN 'cms' IN conventions THEN x.id END) AS cms, collect(CASE WHEN 'cites' IN conventions THEN x.id END) AS cites
}
RETURN size(cms) AS cmsCount, size(cites) AS citesCount, cms[0..20] AS cms, cites[0..20] AS cites
