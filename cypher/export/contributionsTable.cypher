// Every contribution of an activity to an Aichi Target as a table (GET /export/contributions.csv), as the
// loader derived them (cypher/analysis/deriveContributions.cypher): by target number, then in the
// analysts' order (best founded first, then activity key), inherited ones included with their foundation.
MATCH (c:Contribution)
MATCH (t:AichiTarget {id: c.target})
MATCH (a:Activity {id: c.activity})
RETURN t.id AS target, t.number AS targetNumber, a.id AS activity, a.name AS activityName, a.status AS status,
  c.foundation AS foundation, c.via AS via, c.viaKind AS viaKind, c.steps AS steps
ORDER BY t.number, c.rank
