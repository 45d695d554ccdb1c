// totalCount of a list: run only when the client asks for it.
MATCH (n:Entity)
WHERE n.kind = $kind
  AND ({{entityFilter}})
RETURN count(n) AS total
