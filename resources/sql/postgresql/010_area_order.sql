-- DermDesk schema, version 10, on PostgreSQL: the order in which a plan's and a session's areas were entered is a
-- column of its own, as on SQLite (resources/sql/010_area_order.sql). Rows stored before keep the order of their
-- names.

ALTER TABLE treatment_plan_area ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE treatment_session_area ADD COLUMN position integer NOT NULL DEFAULT 0;
