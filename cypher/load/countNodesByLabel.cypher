MATCH (n:Entity)
RETURN n.kind AS label, count(*) AS count
ORDER BY label
