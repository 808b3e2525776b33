-- DermDesk schema, version 16: a counter of changes to the schedule's set-up (the clinic's settings and opening
-- hours, practitioners and their hours and types, rooms and their types, appointment types), moved by triggers on
-- those tables whoever writes them; its value is the sum of its rows. A desk keeps the set-up it has read until the
-- counter moves (ScheduleSetupCache), so a booking or a change of the schedule at another desk no longer makes every
-- desk read the whole set-up again. Bookkeeping of this database, as the schema version is: a copy of the clinic
-- does not carry it. (One row here; a clinic server spreads it over a row per connection slot.)

CREATE TABLE dermdesk_setup_change (
    slot INTEGER PRIMARY KEY,
    n    INTEGER NOT NULL
);
INSERT INTO dermdesk_setup_change (slot, n) VALUES (0, 0);

CREATE TRIGGER clinic_settings_setup_change_insert AFTER INSERT ON clinic_settings
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER clinic_settings_setup_change_update AFTER UPDATE ON clinic_settings
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER clinic_settings_setup_change_delete AFTER DELETE ON clinic_settings
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER opening_hours_setup_change_insert AFTER INSERT ON opening_hours
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER opening_hours_setup_change_update AFTER UPDATE ON opening_hours
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER opening_hours_setup_change_delete AFTER DELETE ON opening_hours
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_setup_change_insert AFTER INSERT ON practitioner
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_setup_change_update AFTER UPDATE ON practitioner
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_setup_change_delete AFTER DELETE ON practitioner
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_hours_setup_change_insert AFTER INSERT ON practitioner_hours
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_hours_setup_change_update AFTER UPDATE ON practitioner_hours
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_hours_setup_change_delete AFTER DELETE ON practitioner_hours
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_type_setup_change_insert AFTER INSERT ON practitioner_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_type_setup_change_update AFTER UPDATE ON practitioner_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER practitioner_type_setup_change_delete AFTER DELETE ON practitioner_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER room_setup_change_insert AFTER INSERT ON room
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER room_setup_change_update AFTER UPDATE ON room
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER room_setup_change_delete AFTER DELETE ON room
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER room_type_setup_change_insert AFTER INSERT ON room_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER room_type_setup_change_update AFTER UPDATE ON room_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER room_type_setup_change_delete AFTER DELETE ON room_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER appointment_type_setup_change_insert AFTER INSERT ON appointment_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER appointment_type_setup_change_update AFTER UPDATE ON appointment_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;

CREATE TRIGGER appointment_type_setup_change_delete AFTER DELETE ON appointment_type
BEGIN
    UPDATE dermdesk_setup_change SET n = n + 1 WHERE slot = 0;
END;
