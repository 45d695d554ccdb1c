// A batch of entities by key, in one round trip, with the links of the fields asked in $fields.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN {{projection}}, {{prefetched}}
