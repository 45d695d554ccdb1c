// Every shortest path between two entities, ignoring direction, up to $maxHops relationships, in the
// order of the keys along them (so that a page by position means the same paths every time), at most
// $limit, with both ends, so that one round trip tells a missing end from no path.
// The pattern bound is the API's ceiling ({{maxHops}}, src/model/ceilings.ts): Cypher takes no parameter
// there, and a shortest path longer than $maxHops is simply filtered out. Every relationship joins two
// entities (the loader creates them only between :Entity nodes), so no label check on the path's nodes:
// it cost a third of the statement's time (×1000, SC57 to Aichi 12: 14.7 → 11.1 ms). Entities are read
// through $props.node and relationships through $props.rel (null: whole), as the query shows them.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  // Neo4j refuses a shortest path from a node to itself: that one is answered by the caller.
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH path = allShortestPaths((a)-[*..{{maxHops}}]-(b))
  WHERE length(path) <= $maxHops
  WITH path ORDER BY [n IN nodes(path) | n.id], [r IN relationships(path) | type(r)]
  LIMIT $limit
  RETURN collect({
    nodes: [n IN nodes(path) | CASE WHEN $props.node IS NULL THEN properties(n) ELSE [k IN $props.node | n[k]] END],
    steps: [r IN relationships(path) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
      rel: CASE WHEN $props.rel IS NULL THEN properties(r) ELSE [k IN $props.rel | r[k]] END}]
  }) AS paths
}
RETURN CASE WHEN a IS NULL THEN null WHEN $props.node IS NULL THEN properties(a) ELSE [k IN $props.node | a[k]] END AS from,
  CASE WHEN b IS NULL THEN null WHEN $props.node IS NULL THEN properties(b) ELSE [k IN $props.node | b[k]] END AS to,
  paths
