-- DermDesk schema, version 10: the order in which a plan's and a session's areas were entered is a column of its
-- own, so it reads the same on every engine (a server has no rowid to keep it).

ALTER TABLE treatment_plan_area ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE treatment_plan_area SET position = rowid;

ALTER TABLE treatment_session_area ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE treatment_session_area SET position = rowid;
