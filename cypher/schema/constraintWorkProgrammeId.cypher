CREATE CONSTRAINT work_programme_id IF NOT EXISTS FOR (n:WorkProgramme) REQUIRE n.id IS UNIQUE
