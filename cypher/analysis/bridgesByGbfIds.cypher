// The Aichi bridge: Aichi Targets corresponding to each of a batch of GBF targets, with the link.
UNWIND $ids AS id
MATCH (g:GbfTarget {id: id})<-[r:CORRESPONDS_TO]-(t:AichiTarget)
RETURN id, properties(t) AS target, {type: type(r), from: t.id, to: g.id, rel: properties(r)} AS bridge
ORDER BY id, t.number
