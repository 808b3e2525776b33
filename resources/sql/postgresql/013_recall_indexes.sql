-- DermDesk schema, version 13, on PostgreSQL (resources/sql/013_recall_indexes.sql on SQLite): indexes for the recall
-- list, which asks of every active plan whether one of its sessions not yet performed has an appointment ahead
-- (holding its slot and not completed; see AppointmentRepository::aheadExists). With them the server compares the
-- active plans with the few sessions still to come and the few appointments still ahead, reading the indexes alone,
-- instead of visiting every active plan's sessions and their appointments one by one.

-- The sessions not yet performed, by plan, with their appointment.
CREATE INDEX treatment_session_pending ON treatment_session (plan_id, appointment_id) WHERE performed_at IS NULL;

-- The appointments ahead. The condition is spelled as AppointmentRepository::aheadExists spells it (the statuses that
-- free the slot, then completed), so that the server sees the statement's condition implies this index's.
CREATE INDEX appointment_ahead ON appointment (id) WHERE status NOT IN ('cancelled', 'no_show', 'completed');

-- The plans of a status with their ids, read from the index alone (on SQLite every index holds the row's id).
DROP INDEX treatment_plan_status;
CREATE INDEX treatment_plan_status ON treatment_plan (status, id);
