// Activities serving each of a batch of Aichi Targets: directly (0 hops before SERVES) or through one
// objective, programme or initiative (1 hop), at most $limit per target, best founded first, then by
// activity key. Inherited contributions (through the activity's programme) only when $includeInherited.
// The target is the caller's parent, so only its key comes back.
UNWIND $ids AS id
MATCH (t:AichiTarget {id: id})
CALL (t) {
  MATCH path = (a:Activity)-[:SUPPORTS|PART_OF|CONCERNS*0..1]->(via:Entity)-[:SERVES]->(t)
  WHERE ($status IS NULL OR a.status = $status) AND {{ownRoute}}
  WITH path, a, via, {{foundation}} AS foundation
  WHERE $includeInherited OR foundation <> 'INHERITED'
  RETURN path, a, via, foundation
  ORDER BY {{foundationRank}}, a.id, length(path), via.id
  LIMIT $limit
}
WITH id, foundation, {{contribution}}
RETURN id, properties(a) AS activity, t.id AS targetId, properties(via) AS via, foundation,
  [n IN nodes(path) | n.id] AS nodeIds,
  [r IN relationships(path) | {type: type(r), from: startNode(r).id, to: endNode(r).id, rel: properties(r)}] AS steps,
  coalesce(objectivePlan, supportedPlan) AS plan, programme, species
