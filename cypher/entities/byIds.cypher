// A batch of entities by key, in one round trip, with what their fields asked need (prefetched.fragment).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN {{projection}}, {{prefetched}}
