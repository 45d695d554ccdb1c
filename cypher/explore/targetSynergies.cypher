// For each Aichi Target: what serves it (SERVES) and which conventions each of those belongs to, by
// facts about itself (conventionsOf). Counted in full; only the first $limit of each side come back
// with their properties, sourced links before curated ones, then by key. $coverage (BOTH, CMS_ONLY,
// CITES_ONLY, NONE, or null for all) keeps the targets so covered; at most $rows targets, by number.
MATCH (t:AichiTarget)
WHERE $target IS NULL OR t.id = $target
CALL (t) {
  OPTIONAL MATCH (t)<-[r:SERVES]-(x:Entity)
  WITH r, x, {{conventionsOf}} AS conventions
  ORDER BY CASE r.basis WHEN 'sourced' THEN 0 ELSE 1 END, x.id
  RETURN collect(CASE WHEN 'cms' IN conventions THEN {x: x, r: r} END) AS cms,
         collect(CASE WHEN 'cites' IN conventions THEN {x: x, r: r} END) AS cites
}
WITH t, cms, cites, {{coverage}} AS coverage
WHERE $coverage IS NULL OR coverage = $coverage
RETURN properties(t) AS subject, size(cms) AS cmsCount, size(cites) AS citesCount, coverage,
  [e IN cms[0..$limit] | {node: properties(e.x), relationship: {type: type(e.r), from: e.x.id, to: t.id, rel: properties(e.r)}}] AS cms,
  [e IN cites[0..$limit] | {node: properties(e.x), relationship: {type: type(e.r), from: e.x.id, to: t.id, rel: properties(e.r)}}] AS cites
ORDER BY t.number
LIMIT $rows
