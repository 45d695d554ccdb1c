// For each Aichi Target: what serves it (SERVES), and which conventions each of those belongs to,
// through its plan's convention, what it is UNDER, or the conventions its programme joins.
MATCH (t:AichiTarget)
WHERE $target IS NULL OR t.id = $target
OPTIONAL MATCH (t)<-[r:SERVES]-(x:Entity)
WITH t, r, x,
  [c IN
    [x.convention]
    + [(x)-[:PART_OF]->(o) WHERE o.convention IS NOT NULL | o.convention]
    + [(x)-[:PART_OF*0..1]->()-[:UNDER|BETWEEN]->(c:Convention) | c.id]
   WHERE c IS NOT NULL] AS conventions
WITH t, collect(CASE WHEN x IS NULL THEN null ELSE {
    node: properties(x), conventions: conventions,
    rel: {type: type(r), from: x.id, to: t.id, rel: properties(r)}} END) AS reaches
RETURN properties(t) AS target, reaches
ORDER BY t.number
