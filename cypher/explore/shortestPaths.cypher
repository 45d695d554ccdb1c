// Every shortest path between two entities, ignoring direction, up to $maxHops relationships, in the
// order of the keys along them (so that a page by position means the same paths every time).
// The pattern bound is the API's ceiling ({{maxHops}}, src/model/ceilings.ts): Cypher takes no parameter
// there, and a shortest path longer than $maxHops is simply filtered out. Every relationship joins two
// entities (the loader creates them only between :Entity nodes), so no label check on the path's nodes:
// it cost a third of the statement's time (×1000, SC57 to Aichi 12: 14.7 → 11.1 ms).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = allShortestPaths((a)-[*..{{maxHops}}]-(b))
WHERE length(path) <= $maxHops
WITH path ORDER BY [n IN nodes(path) | n.id], [r IN relationships(path) | type(r)]
RETURN [n IN nodes(path) | properties(n)] AS nodes,
  [r IN relationships(path) | {type: type(r), from: startNode(r).id, to: endNode(r).id, rel: properties(r)}] AS steps
LIMIT $limit
