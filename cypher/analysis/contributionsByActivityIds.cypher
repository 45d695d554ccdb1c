// The reverse: the Aichi Targets each of a batch of activities serves, and how, best founded first,
// then by target number, at most 50 (Activity.targetContributions declares that size); inherited ones (through the activity's programme) only when $includeInherited.
// The activity itself is the caller's parent, so only its key comes back.
UNWIND $ids AS id
MATCH (a:Activity {id: id})
CALL (a) {
  MATCH path = (a)-[:SUPPORTS|PART_OF|CONCERNS*0..1]->(via:Entity)-[:SERVES]->(t:AichiTarget)
  WHERE {{ownRoute}}
  WITH path, t, via, {{foundation}} AS foundation
  WHERE $includeInherited OR foundation <> 'INHERITED'
  RETURN path, t, via, foundation
  ORDER BY {{foundationRank}}, t.number, length(path), via.id
  LIMIT 50
}
WITH id, foundation, {{contribution}}
RETURN id, a.id AS activityId, CASE WHEN $asked.target IS NULL THEN properties(t) ELSE [k IN $asked.target | t[k]] END AS target,
  {{contributionAsAsked}}
