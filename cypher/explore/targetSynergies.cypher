// For each Aichi Target: what serves it (SERVES) and which conventions each of those belongs to (its
// plan's convention, what it is UNDER, the conventions its programme joins). Counted in full; only the
// first $limit of each side (by key) come back with their properties.
MATCH (t:AichiTarget)
WHERE $target IS NULL OR t.id = $target
CALL (t) {
  OPTIONAL MATCH (t)<-[r:SERVES]-(x:Entity)
  WITH r, x,
    [c IN
      [x.convention]
      + [(x)-[:PART_OF]->(o) WHERE o.convention IS NOT NULL | o.convention]
      + [(x)-[:PART_OF*0..1]->()-[:UNDER|BETWEEN]->(c:Convention) | c.id]
     WHERE c IS NOT NULL] AS conventions
  ORDER BY x.id
  RETURN collect(CASE WHEN 'cms' IN conventions THEN {x: x, r: r} END) AS cms,
         collect(CASE WHEN 'cites' IN conventions THEN {x: x, r: r} END) AS cites
}
RETURN properties(t) AS subject, size(cms) AS cmsCount, size(cites) AS citesCount,
  [e IN cms[0..$limit] | {node: properties(e.x), relationship: {type: type(e.r), from: e.x.id, to: t.id, rel: properties(e.r)}}] AS cms,
  [e IN cites[0..$limit] | {node: properties(e.x), relationship: {type: type(e.r), from: e.x.id, to: t.id, rel: properties(e.r)}}] AS cites
ORDER BY t.number
