// Every contribution of an activity to an Aichi Target, derived by the loader in its transaction (so it
// always matches the graph) and kept as a :Contribution node (not an :Entity: no relationship, never
// exported or traversed). Its rank is the analysts' order as one string: foundation (0 SOURCED, 1 CURATED,
// 2 INHERITED), activity key, path length, what it passes through, its last step; keys are
// [a-z0-9-], so the space sorts before any of them and the string orders like the tuple. With the index
// on (target, rank), a target's first page is read in order instead of ranking every path to it.
MATCH (t:AichiTarget)
CALL (t) {
  MATCH path = (a:Activity)-[:SUPPORTS|PART_OF|CONCERNS*0..1]->(via:Entity)-[:SERVES]->(t)
  WHERE {{ownRoute}}
  WITH path, a, via, {{foundation}} AS foundation
  CREATE (:Contribution {
    target: t.id,
    activity: a.id,
    status: a.status,
    foundation: foundation,
    via: via.id,
    viaKind: via.kind,
    steps: [r IN relationships(path) | r.id],
    rank: toString({{foundationRank}}) + ' ' + a.id + ' ' + toString(length(path)) + ' ' + via.id + ' ' + last(relationships(path)).id
  })
}
WITH count(*) AS targets
MATCH (c:Contribution)
RETURN count(c) AS derived
