// A batch of entities by key, in one round trip.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN properties(n) AS node
