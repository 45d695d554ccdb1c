// Relationships not in this load (their entry left data/) disappear.
MATCH (:Entity)-[r]->(:Entity)
WHERE r.stamp IS NULL OR r.stamp <> $stamp
DELETE r
RETURN count(*) AS deleted
