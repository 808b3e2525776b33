-- DermDesk schema, version 13: indexes for the recall list, which asks of every active plan whether one of its
-- sessions not yet performed has an appointment ahead (holding its slot and not completed; see
-- AppointmentRepository::aheadExists). Both hold a small share of their table: the sessions still to come, the
-- appointments still ahead.

-- The sessions not yet performed, by plan, with their appointment.
CREATE INDEX treatment_session_pending ON treatment_session (plan_id, appointment_id) WHERE performed_at IS NULL;

-- The appointments ahead. The condition is spelled as AppointmentRepository::aheadExists spells it (the statuses that
-- free the slot, then completed), so that the statement's condition names this index's.
CREATE INDEX appointment_ahead ON appointment (id) WHERE status NOT IN ('cancelled', 'no_show', 'completed');
