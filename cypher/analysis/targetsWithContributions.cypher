// Aichi Targets looked up with their contributions, in one round trip: what entities/byIds returns of
// each (as its query asks, with the relationship fields right below it) and, as one list, what
// contributionsByTargetIds returns of its contributions. Another kind's key has no contributions.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  // Matched by its label, not taken as n: Neo4j then plans with an Aichi Target's thousands of SERVES at
  // ×1000 (an Entity has less than one on average) and walks from the activities, not from the target.
  MATCH (t:AichiTarget {id: n.id})
  {{targetContributions}}
  WITH c, {{activityAsAsked}} AS activity,
    t.id AS targetId, {{contributionAsAsked}}
  ORDER BY c.rank
  RETURN collect({activity: activity, targetId: targetId, via: via, foundation: foundation, steps: steps, plan: plan,
    programme: programme, species: species}) AS contributions
}
RETURN {{projection}}, {{prefetched}}, contributions
