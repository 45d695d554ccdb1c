// Before the contributions are derived again, in the load's transaction: the old ones go.
MATCH (c:Contribution)
DELETE c
RETURN count(*) AS deleted
