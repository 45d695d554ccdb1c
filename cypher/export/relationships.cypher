// Every relationship between entities (or those changed after $changedSince), streamed by the bulk
// export, with the kinds of its ends (for their global ids).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $changedSince IS NULL OR r.changedAt > $changedSince
RETURN type(r) AS type, a.id AS from, a.kind AS fromKind, b.id AS to, b.kind AS toKind, properties(r) AS rel
ORDER BY r.id
