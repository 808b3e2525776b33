-- DermDesk schema, version 17, on PostgreSQL (resources/sql/017_booking_trigger_plans.sql on SQLite): the trigger
-- that gives a new appointment its patient's names and screening facts (version 15) plans its queries once per
-- connection. The server would otherwise plan the screening-facts lookup anew for each of a connection's first
-- bookings, weighing plans that differ only by the patient's id: the lookup is by the patient's id in every case,
-- and the plan made without the value serves every patient alike. Several desks booking at once on a small server
-- spent a third of the trigger's time planning.
ALTER FUNCTION appointment_patient_facts() SET plan_cache_mode = force_generic_plan;
