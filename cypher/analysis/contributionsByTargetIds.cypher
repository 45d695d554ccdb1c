// The contributions of each of a batch of Aichi Targets (targetContributions.fragment), each entity as
// its query asks ($asked). The target is the caller's parent, so only its key comes back.
UNWIND $ids AS id
MATCH (t:AichiTarget {id: id})
{{targetContributions}}
RETURN t.id AS id, {{activityAsAsked}} AS activity,
  t.id AS targetId, {{contributionAsAsked}}
