CREATE CONSTRAINT strategic_plan_id IF NOT EXISTS FOR (n:StrategicPlan) REQUIRE n.id IS UNIQUE
