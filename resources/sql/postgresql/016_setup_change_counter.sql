-- DermDesk schema, version 16, on PostgreSQL (resources/sql/016_setup_change_counter.sql on SQLite): a counter of
-- changes to the schedule's set-up (the clinic's settings and opening hours, practitioners and their hours and types,
-- rooms and their types, appointment types), moved once per statement by triggers on those tables whoever writes
-- them. A desk keeps the set-up it has read until the counter moves (ScheduleSetupCache), so a booking or a change of
-- the schedule at another desk no longer makes every desk read the whole set-up again. Bookkeeping of this database,
-- as dermdesk_schema and dermdesk_change are: a copy of the clinic does not carry it.
--
-- As dermdesk_change (011_desk_counters.sql), the counter is spread over 1,024 rows, one per connection slot (its
-- backend's process id modulo 1,024), and its value is their sum: desks changing the set-up at once do not wait for
-- each other on one row.

CREATE TABLE dermdesk_setup_change (
    slot integer PRIMARY KEY,
    n    bigint NOT NULL
);
INSERT INTO dermdesk_setup_change (slot, n) SELECT s, 0 FROM generate_series(0, 1023) AS s;

CREATE FUNCTION dermdesk_count_setup_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = pg_backend_pid() % 1024;
    RETURN NULL;
END;
$$;
CREATE TRIGGER clinic_settings_setup_change_insert AFTER INSERT ON clinic_settings
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER clinic_settings_setup_change_update AFTER UPDATE ON clinic_settings
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER clinic_settings_setup_change_delete AFTER DELETE OR TRUNCATE ON clinic_settings
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER opening_hours_setup_change_insert AFTER INSERT ON opening_hours
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER opening_hours_setup_change_update AFTER UPDATE ON opening_hours
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER opening_hours_setup_change_delete AFTER DELETE OR TRUNCATE ON opening_hours
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_setup_change_insert AFTER INSERT ON practitioner
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_setup_change_update AFTER UPDATE ON practitioner
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_setup_change_delete AFTER DELETE OR TRUNCATE ON practitioner
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_hours_setup_change_insert AFTER INSERT ON practitioner_hours
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_hours_setup_change_update AFTER UPDATE ON practitioner_hours
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_hours_setup_change_delete AFTER DELETE OR TRUNCATE ON practitioner_hours
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_type_setup_change_insert AFTER INSERT ON practitioner_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_type_setup_change_update AFTER UPDATE ON practitioner_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER practitioner_type_setup_change_delete AFTER DELETE OR TRUNCATE ON practitioner_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER room_setup_change_insert AFTER INSERT ON room
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER room_setup_change_update AFTER UPDATE ON room
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER room_setup_change_delete AFTER DELETE OR TRUNCATE ON room
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER room_type_setup_change_insert AFTER INSERT ON room_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER room_type_setup_change_update AFTER UPDATE ON room_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER room_type_setup_change_delete AFTER DELETE OR TRUNCATE ON room_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER appointment_type_setup_change_insert AFTER INSERT ON appointment_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER appointment_type_setup_change_update AFTER UPDATE ON appointment_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
CREATE TRIGGER appointment_type_setup_change_delete AFTER DELETE OR TRUNCATE ON appointment_type
    FOR EACH STATEMENT EXECUTE FUNCTION dermdesk_count_setup_change();
