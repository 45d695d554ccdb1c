// The analysts' contributions of a target, best founded first: a seek on the target, rows already in
// ranking order (cypher/analysis/deriveContributions.cypher writes the rank), so a page costs its size.
CREATE INDEX contribution_target_rank IF NOT EXISTS FOR (c:Contribution) ON (c.target, c.rank)
