// Activities serving each of a batch of Aichi Targets: directly (0 hops before SERVES) or through one
// objective, programme or initiative (1 hop), at most $limit per target, best founded first, then by
// activity key. Inherited contributions (rank 2...) only when $includeInherited ($rankBelow '3', else '2').
// The ranking was derived at load time (deriveContributions.cypher): the page is an index seek in rank
// order, whatever the number of paths to the target; only its rows are expanded back into paths.
// The target is the caller's parent, so only its key comes back.
UNWIND $ids AS id
MATCH (t:AichiTarget {id: id})
CALL (t) {
  MATCH (c:Contribution)
  WHERE c.target = t.id AND c.rank < $rankBelow AND ($status IS NULL OR c.status = $status)
  RETURN c
  ORDER BY c.target, c.rank
  LIMIT $limit
}
MATCH (a:Activity {id: c.activity})
CALL (c, a, t) {
  MATCH path = (a)-[s:SERVES]->(t)
  WHERE size(c.steps) = 1 AND s.id = c.steps[0]
  RETURN path, a AS via
  UNION
  MATCH path = (a)-[r:SUPPORTS|PART_OF|CONCERNS]->(via:Entity)-[s:SERVES]->(t)
  WHERE size(c.steps) = 2 AND r.id = c.steps[0] AND s.id = c.steps[1]
  RETURN path, via
}
WITH id, c, c.foundation AS foundation, {{contribution}}
ORDER BY id, c.rank
RETURN id, CASE WHEN $props.activity IS NULL THEN properties(a) ELSE [k IN $props.activity | a[k]] END AS activity,
  t.id AS targetId, {{contributionAsAsked}}
