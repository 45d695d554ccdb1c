MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = allShortestPaths((a)-[*..4]-(b))
RETURN [n IN nodes(path) | n.id] AS nodes, [r IN relationships(path) | {type: type(r), basis: r.basis}] AS rels
LIMIT $limit
