MATCH (t:AichiTarget {id: $target})<-[r:SERVES]-(x:Entity)
RETURN x.id AS key,
  [c IN [x.convention] + [(x)-[:PART_OF]->(o) WHERE o.convention IS NOT NULL | o.convention]
    + [(x)-[:PART_OF*0..1]->()-[:UNDER|BETWEEN]->(c:Convention) | c.id] WHERE c IS NOT NULL] AS conventions
