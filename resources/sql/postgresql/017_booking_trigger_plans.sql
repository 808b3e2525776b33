-- DermDesk schema, version 17, on PostgreSQL (resources/sql/017_booking_trigger_plans.sql on SQLite): less work for
-- the server in every booking, which several desks booking at once on a small server share.
--
-- The trigger that gives a new appointment its patient's names and screening facts (version 15) plans its queries
-- once per connection. The server would otherwise plan the screening-facts lookup anew for each of a connection's
-- first bookings, weighing plans that differ only by the patient's id: the lookup is by the patient's id in every
-- case, and the plan made without the value serves every patient alike.
ALTER FUNCTION appointment_patient_facts() SET plan_cache_mode = force_generic_plan;

-- The change counter (version 11) moves once per transaction that writes, instead of once per statement: a booking
-- writes the appointment, its history and its audit rows, and counted each. The desks only ask whether the clinic
-- changed since they last looked, and by how much their own commit moved it (dermdesk.writes, now 1 for any
-- transaction that wrote). Notifications of one transaction were sent once already.
CREATE OR REPLACE FUNCTION dermdesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('dermdesk.writes', true), '') IN ('', '0') THEN
        UPDATE dermdesk_change SET n = n + 1 WHERE slot = pg_backend_pid() % 1024;
        PERFORM set_config('dermdesk.writes', '1', true);
        PERFORM pg_notify('dermdesk_changes', '');
    END IF;
    RETURN NULL;
END;
$$;
