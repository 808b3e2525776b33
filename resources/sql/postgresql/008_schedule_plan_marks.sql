-- DermDesk schema, version 8, on PostgreSQL (resources/sql/008_schedule_plan_marks.sql on SQLite): what the
-- schedule shows on a treatment-plan session's block, kept on the appointment itself so a week of the schedule
-- reads it with the appointment's own row (no join per block).
-- The columns hold facts, not judgements: the program judges the interval window on local dates in the
-- clinic's time zone when it reads them. The triggers below keep them equal to plan_session_facts after
-- every write to a session, to an appointment's time or status, and to a plan's size or window; nothing
-- else writes them.

-- All NULL for an appointment that is not a plan session. plan_sequence and plan_sessions: the n and N of
-- "n of N"; plan_min_weeks and plan_max_weeks: the plan's interval window after the previous session;
-- plan_overridden: 1 when the session was booked early on purpose (a reason is stored).
ALTER TABLE appointment ADD COLUMN plan_sequence integer;
ALTER TABLE appointment ADD COLUMN plan_sessions integer;
ALTER TABLE appointment ADD COLUMN plan_min_weeks integer;
ALTER TABLE appointment ADD COLUMN plan_max_weeks integer;
ALTER TABLE appointment ADD COLUMN plan_overridden integer;
-- When the previous session of the plan took place or is booked (UTC Unix seconds); NULL when there is no
-- previous session, or it was cancelled or missed without being performed.
ALTER TABLE appointment ADD COLUMN plan_previous_at bigint;

-- The facts above for every appointment that is a plan session.
CREATE VIEW plan_session_facts AS
SELECT s.appointment_id AS appointment_id,
       s.sequence_no AS sequence_no,
       tp.planned_sessions AS planned_sessions,
       tp.interval_min_weeks AS min_weeks,
       tp.interval_max_weeks AS max_weeks,
       CASE WHEN s.interval_override_reason <> '' THEN 1 ELSE 0 END AS overridden,
       CASE WHEN pa.id IS NOT NULL AND pa.status NOT IN ('cancelled', 'no_show') THEN pa.starts_at
            WHEN ps.performed_at IS NOT NULL THEN COALESCE(pa.starts_at, ps.performed_at)
       END AS previous_at
FROM treatment_session s
JOIN treatment_plan tp ON tp.id = s.plan_id
LEFT JOIN treatment_session ps ON ps.plan_id = s.plan_id AND ps.sequence_no = s.sequence_no - 1
LEFT JOIN appointment pa ON pa.id = ps.appointment_id
WHERE s.appointment_id IS NOT NULL;

-- Sets the marks of the appointments `ids` from plan_session_facts (NULL ids are skipped).
CREATE FUNCTION dermdesk_refresh_plan_marks(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE appointment
    SET (plan_sequence, plan_sessions, plan_min_weeks, plan_max_weeks, plan_overridden, plan_previous_at) =
        (SELECT sequence_no, planned_sessions, min_weeks, max_weeks, overridden, previous_at
         FROM plan_session_facts f WHERE f.appointment_id = appointment.id)
    WHERE id = ANY (ids);
$$;

SELECT dermdesk_refresh_plan_marks(ARRAY(SELECT appointment_id FROM treatment_session
                                         WHERE appointment_id IS NOT NULL));

-- A session added, changed or removed: its appointment (old and new) and the next session's appointment,
-- whose previous session it is.
CREATE FUNCTION treatment_session_plan_marks_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dermdesk_refresh_plan_marks(ARRAY[NEW.appointment_id,
        (SELECT appointment_id FROM treatment_session
         WHERE plan_id = NEW.plan_id AND sequence_no = NEW.sequence_no + 1)]);
    RETURN NULL;
END;
$$;
CREATE TRIGGER treatment_session_plan_marks_insert
AFTER INSERT ON treatment_session
    FOR EACH ROW EXECUTE FUNCTION treatment_session_plan_marks_insert();

CREATE FUNCTION treatment_session_plan_marks_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dermdesk_refresh_plan_marks(ARRAY[OLD.appointment_id, NEW.appointment_id,
        (SELECT appointment_id FROM treatment_session
         WHERE plan_id = OLD.plan_id AND sequence_no = OLD.sequence_no + 1),
        (SELECT appointment_id FROM treatment_session
         WHERE plan_id = NEW.plan_id AND sequence_no = NEW.sequence_no + 1)]);
    RETURN NULL;
END;
$$;
CREATE TRIGGER treatment_session_plan_marks_update
AFTER UPDATE OF plan_id, appointment_id, sequence_no, performed_at, interval_override_reason ON treatment_session
    FOR EACH ROW EXECUTE FUNCTION treatment_session_plan_marks_update();

CREATE FUNCTION treatment_session_plan_marks_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dermdesk_refresh_plan_marks(ARRAY[OLD.appointment_id,
        (SELECT appointment_id FROM treatment_session
         WHERE plan_id = OLD.plan_id AND sequence_no = OLD.sequence_no + 1)]);
    RETURN NULL;
END;
$$;
CREATE TRIGGER treatment_session_plan_marks_delete
AFTER DELETE ON treatment_session
    FOR EACH ROW EXECUTE FUNCTION treatment_session_plan_marks_delete();

-- A session's appointment moved, cancelled, missed or restored: the next session's previous session changed.
-- (The marks it writes are not starts_at or status, so it does not fire itself again.)
CREATE FUNCTION appointment_plan_marks_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dermdesk_refresh_plan_marks(ARRAY(
        SELECT n.appointment_id FROM treatment_session s
        JOIN treatment_session n ON n.plan_id = s.plan_id AND n.sequence_no = s.sequence_no + 1
        WHERE s.appointment_id = NEW.id));
    RETURN NULL;
END;
$$;
CREATE TRIGGER appointment_plan_marks_update
AFTER UPDATE OF starts_at, status ON appointment
    FOR EACH ROW EXECUTE FUNCTION appointment_plan_marks_update();

-- A plan's size or window changed: every one of its sessions.
CREATE FUNCTION treatment_plan_plan_marks_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dermdesk_refresh_plan_marks(ARRAY(
        SELECT appointment_id FROM treatment_session WHERE plan_id = NEW.id AND appointment_id IS NOT NULL));
    RETURN NULL;
END;
$$;
CREATE TRIGGER treatment_plan_plan_marks_update
AFTER UPDATE OF planned_sessions, interval_min_weeks, interval_max_weeks ON treatment_plan
    FOR EACH ROW EXECUTE FUNCTION treatment_plan_plan_marks_update();
