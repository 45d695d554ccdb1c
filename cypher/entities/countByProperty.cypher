// countBy of a list: how many entities of a kind, filtered as the list is, have each value of one
// property (entities without one are left out). Run only when the client asks for it.
MATCH (n:Entity)
WHERE n.kind = $kind
  AND ({{entityFilter}})
  AND n[$property] IS NOT NULL
RETURN n[$property] AS value, count(n) AS count
ORDER BY count DESC, value
