-- DermDesk schema, version 1: the whole clinic domain.
-- Instants are UTC Unix seconds; half-open intervals [starts_at, ends_at).
-- Minutes of day (opens_min, starts_min, ...) are local wall-clock minutes in the clinic's time zone.
-- Weekdays are ISO 8601: 1 = Monday ... 7 = Sunday.

PRAGMA application_id = 1146244420;

CREATE TABLE clinic_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    address       TEXT    NOT NULL DEFAULT '',
    phone         TEXT    NOT NULL DEFAULT '',
    email         TEXT    NOT NULL DEFAULT '',
    time_zone     TEXT    NOT NULL CHECK (length(time_zone) > 0),
    slot_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (slot_minutes IN (5, 10, 15, 20, 30)),
    default_sessions        INTEGER NOT NULL DEFAULT 4 CHECK (default_sessions BETWEEN 1 AND 20),
    screening_max_age_days  INTEGER NOT NULL DEFAULT 90 CHECK (screening_max_age_days BETWEEN 1 AND 3650),
    created_at    INTEGER NOT NULL
);

CREATE TABLE opening_hours (
    id          INTEGER PRIMARY KEY,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens_min   INTEGER NOT NULL CHECK (opens_min BETWEEN 0 AND 1439),
    closes_min  INTEGER NOT NULL CHECK (closes_min BETWEEN 1 AND 1440),
    CHECK (closes_min > opens_min)
);
CREATE INDEX opening_hours_weekday ON opening_hours (weekday);

CREATE TABLE practitioner (
    id            INTEGER PRIMARY KEY,
    display_name  TEXT    NOT NULL CHECK (length(trim(display_name)) > 0),
    title         TEXT    NOT NULL DEFAULT '',
    colour        TEXT    NOT NULL DEFAULT '#4f7cac' CHECK (length(colour) = 7 AND substr(colour, 1, 1) = '#'),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order    INTEGER NOT NULL DEFAULT 0
);

-- Working hours: several rows on one weekday describe a day with breaks.
CREATE TABLE practitioner_hours (
    id               INTEGER PRIMARY KEY,
    practitioner_id  INTEGER NOT NULL REFERENCES practitioner (id),
    weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts_min       INTEGER NOT NULL CHECK (starts_min BETWEEN 0 AND 1439),
    ends_min         INTEGER NOT NULL CHECK (ends_min BETWEEN 1 AND 1440),
    CHECK (ends_min > starts_min)
);
CREATE INDEX practitioner_hours_practitioner ON practitioner_hours (practitioner_id, weekday);

CREATE TABLE room (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE appointment_type (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 480),
    prep_min      INTEGER NOT NULL DEFAULT 0 CHECK (prep_min BETWEEN 0 AND 120),
    cleanup_min   INTEGER NOT NULL DEFAULT 0 CHECK (cleanup_min BETWEEN 0 AND 120),
    colour        TEXT    NOT NULL DEFAULT '#8fb8a8' CHECK (length(colour) = 7 AND substr(colour, 1, 1) = '#'),
    is_treatment  INTEGER NOT NULL DEFAULT 0 CHECK (is_treatment IN (0, 1)),
    needs_room    INTEGER NOT NULL DEFAULT 1 CHECK (needs_room IN (0, 1)),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order    INTEGER NOT NULL DEFAULT 0
);

-- Which appointment types a practitioner performs and a room can host.
CREATE TABLE practitioner_type (
    practitioner_id  INTEGER NOT NULL REFERENCES practitioner (id),
    type_id          INTEGER NOT NULL REFERENCES appointment_type (id),
    PRIMARY KEY (practitioner_id, type_id)
);
CREATE TABLE room_type (
    room_id  INTEGER NOT NULL REFERENCES room (id),
    type_id  INTEGER NOT NULL REFERENCES appointment_type (id),
    PRIMARY KEY (room_id, type_id)
);

CREATE TABLE patient (
    id              INTEGER PRIMARY KEY,
    given_name      TEXT    NOT NULL CHECK (length(trim(given_name)) > 0),
    family_name     TEXT    NOT NULL CHECK (length(trim(family_name)) > 0),
    preferred_name  TEXT    NOT NULL DEFAULT '',
    birth_date      TEXT    CHECK (birth_date IS NULL OR (length(birth_date) = 10 AND date(birth_date, '+0 days') = birth_date)),
    phone           TEXT    NOT NULL DEFAULT '',
    phone_home      TEXT    NOT NULL DEFAULT '',
    email           TEXT    NOT NULL DEFAULT '',
    address         TEXT    NOT NULL DEFAULT '',
    emergency_contact  TEXT NOT NULL DEFAULT '',
    preferred_channel  TEXT NOT NULL DEFAULT 'phone' CHECK (preferred_channel IN ('phone', 'sms', 'email', 'post')),
    reminder_consent   INTEGER NOT NULL DEFAULT 0 CHECK (reminder_consent IN (0, 1)),
    fitzpatrick     INTEGER CHECK (fitzpatrick IS NULL OR fitzpatrick BETWEEN 1 AND 6),
    allergies       TEXT    NOT NULL DEFAULT '',
    medications     TEXT    NOT NULL DEFAULT '',
    notes           TEXT    NOT NULL DEFAULT '',
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX patient_family_given ON patient (family_name, given_name);
CREATE INDEX patient_birth_date ON patient (birth_date);

-- The patient's visit is [starts_at, ends_at) and includes prep_min of preparation (numbing)
-- at its start. cleanup_min is a buffer after ends_at during which the practitioner and the
-- room stay busy but the patient does not.
CREATE TABLE appointment (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patient (id),
    practitioner_id  INTEGER NOT NULL REFERENCES practitioner (id),
    room_id          INTEGER REFERENCES room (id),
    type_id          INTEGER NOT NULL REFERENCES appointment_type (id),
    starts_at        INTEGER NOT NULL,
    ends_at          INTEGER NOT NULL,
    prep_min         INTEGER NOT NULL DEFAULT 0 CHECK (prep_min BETWEEN 0 AND 120),
    cleanup_min      INTEGER NOT NULL DEFAULT 0 CHECK (cleanup_min BETWEEN 0 AND 120),
    status           TEXT    NOT NULL DEFAULT 'booked'
                     CHECK (status IN ('booked', 'confirmed', 'arrived', 'in_treatment', 'completed', 'cancelled', 'no_show')),
    cancel_reason    TEXT    NOT NULL DEFAULT '',
    notes            TEXT    NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (ends_at - starts_at <= 43200),
    CHECK (prep_min * 60 < ends_at - starts_at),
    CHECK (status <> 'cancelled' OR length(trim(cancel_reason)) > 0)
);
CREATE INDEX appointment_practitioner_start ON appointment (practitioner_id, starts_at);
CREATE INDEX appointment_start ON appointment (starts_at);
CREATE INDEX appointment_patient_start ON appointment (patient_id, starts_at);
CREATE INDEX appointment_room_start ON appointment (room_id, starts_at);

-- The last line of defence against double booking: whatever program writes this file, an
-- appointment that holds its slot may not overlap another one for the same practitioner or
-- room (cleanup included), nor for the same patient. 'cancelled' and 'no_show' free the slot;
-- back-to-back is allowed. The 50400-second lower bound (longest visit plus longest cleanup)
-- keeps each check a short index range scan.
CREATE TRIGGER appointment_no_overlap_insert
BEFORE INSERT ON appointment
WHEN NEW.status NOT IN ('cancelled', 'no_show')
BEGIN
    SELECT RAISE(ABORT, 'appointment_overlap_practitioner')
    WHERE EXISTS (SELECT 1 FROM appointment a
                  WHERE a.practitioner_id = NEW.practitioner_id
                    AND a.starts_at > NEW.starts_at - 50400
                    AND a.starts_at < NEW.ends_at + 60 * NEW.cleanup_min
                    AND a.ends_at + 60 * a.cleanup_min > NEW.starts_at
                    AND a.status NOT IN ('cancelled', 'no_show'));
    SELECT RAISE(ABORT, 'appointment_overlap_room')
    WHERE NEW.room_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM appointment a
                  WHERE a.room_id = NEW.room_id
                    AND a.starts_at > NEW.starts_at - 50400
                    AND a.starts_at < NEW.ends_at + 60 * NEW.cleanup_min
                    AND a.ends_at + 60 * a.cleanup_min > NEW.starts_at
                    AND a.status NOT IN ('cancelled', 'no_show'));
    SELECT RAISE(ABORT, 'appointment_overlap_patient')
    WHERE EXISTS (SELECT 1 FROM appointment a
                  WHERE a.patient_id = NEW.patient_id
                    AND a.starts_at > NEW.starts_at - 50400
                    AND a.starts_at < NEW.ends_at
                    AND a.ends_at > NEW.starts_at
                    AND a.status NOT IN ('cancelled', 'no_show'));
END;

CREATE TRIGGER appointment_no_overlap_update
BEFORE UPDATE OF patient_id, practitioner_id, room_id, starts_at, ends_at, cleanup_min, status ON appointment
WHEN NEW.status NOT IN ('cancelled', 'no_show')
BEGIN
    SELECT RAISE(ABORT, 'appointment_overlap_practitioner')
    WHERE EXISTS (SELECT 1 FROM appointment a
                  WHERE a.practitioner_id = NEW.practitioner_id
                    AND a.id <> NEW.id
                    AND a.starts_at > NEW.starts_at - 50400
                    AND a.starts_at < NEW.ends_at + 60 * NEW.cleanup_min
                    AND a.ends_at + 60 * a.cleanup_min > NEW.starts_at
                    AND a.status NOT IN ('cancelled', 'no_show'));
    SELECT RAISE(ABORT, 'appointment_overlap_room')
    WHERE NEW.room_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM appointment a
                  WHERE a.room_id = NEW.room_id
                    AND a.id <> NEW.id
                    AND a.starts_at > NEW.starts_at - 50400
                    AND a.starts_at < NEW.ends_at + 60 * NEW.cleanup_min
                    AND a.ends_at + 60 * a.cleanup_min > NEW.starts_at
                    AND a.status NOT IN ('cancelled', 'no_show'));
    SELECT RAISE(ABORT, 'appointment_overlap_patient')
    WHERE EXISTS (SELECT 1 FROM appointment a
                  WHERE a.patient_id = NEW.patient_id
                    AND a.id <> NEW.id
                    AND a.starts_at > NEW.starts_at - 50400
                    AND a.starts_at < NEW.ends_at
                    AND a.ends_at > NEW.starts_at
                    AND a.status NOT IN ('cancelled', 'no_show'));
END;

-- A closure or blockout: the whole clinic (both ids NULL), one practitioner or one room.
-- A weekly blockout repeats at the same local wall-clock time until repeat_until (inclusive).
CREATE TABLE blockout (
    id               INTEGER PRIMARY KEY,
    practitioner_id  INTEGER REFERENCES practitioner (id),
    room_id          INTEGER REFERENCES room (id),
    starts_at        INTEGER NOT NULL,
    ends_at          INTEGER NOT NULL,
    repeat           TEXT    NOT NULL DEFAULT 'none' CHECK (repeat IN ('none', 'weekly')),
    repeat_until     TEXT    CHECK (repeat_until IS NULL OR date(repeat_until, '+0 days') = repeat_until),
    reason           TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
    created_at       INTEGER NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (practitioner_id IS NULL OR room_id IS NULL)
);
CREATE INDEX blockout_start ON blockout (starts_at);

CREATE TABLE treatment_plan (
    id                     INTEGER PRIMARY KEY,
    patient_id             INTEGER NOT NULL REFERENCES patient (id),
    lead_practitioner_id   INTEGER REFERENCES practitioner (id),
    type_id                INTEGER NOT NULL REFERENCES appointment_type (id),
    concerns               TEXT    NOT NULL DEFAULT '',
    areas                  TEXT    NOT NULL DEFAULT '',
    planned_sessions       INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 20),
    interval_min_weeks     INTEGER NOT NULL CHECK (interval_min_weeks BETWEEN 1 AND 52),
    interval_max_weeks     INTEGER NOT NULL CHECK (interval_max_weeks BETWEEN 1 AND 52),
    status                 TEXT    NOT NULL DEFAULT 'proposed'
                           CHECK (status IN ('proposed', 'active', 'completed', 'stopped')),
    stop_reason            TEXT    NOT NULL DEFAULT '',
    goals                  TEXT    NOT NULL DEFAULT '',
    notes                  TEXT    NOT NULL DEFAULT '',
    consent_form_version   TEXT    NOT NULL DEFAULT '',
    consent_date           TEXT    CHECK (consent_date IS NULL OR date(consent_date, '+0 days') = consent_date),
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL,
    CHECK (interval_max_weeks >= interval_min_weeks),
    CHECK (status <> 'stopped' OR length(trim(stop_reason)) > 0)
);
CREATE INDEX treatment_plan_patient ON treatment_plan (patient_id);
CREATE INDEX treatment_plan_status ON treatment_plan (status);

CREATE TABLE treatment_plan_area (
    plan_id            INTEGER NOT NULL REFERENCES treatment_plan (id),
    area               TEXT    NOT NULL CHECK (length(trim(area)) > 0),
    planned_depth_mm   REAL    CHECK (planned_depth_mm IS NULL OR planned_depth_mm BETWEEN 0.25 AND 3.0),
    PRIMARY KEY (plan_id, area)
);

CREATE TABLE treatment_session (
    id               INTEGER PRIMARY KEY,
    plan_id          INTEGER NOT NULL REFERENCES treatment_plan (id),
    appointment_id   INTEGER UNIQUE REFERENCES appointment (id),
    sequence_no      INTEGER NOT NULL CHECK (sequence_no BETWEEN 1 AND 20),
    practitioner_id  INTEGER REFERENCES practitioner (id),
    performed_at     INTEGER,
    device           TEXT    NOT NULL DEFAULT '',
    cartridge_lot    TEXT    NOT NULL DEFAULT '',
    numbing          TEXT    NOT NULL DEFAULT '',
    products         TEXT    NOT NULL DEFAULT '',
    reaction         TEXT    NOT NULL DEFAULT ''
                     CHECK (reaction IN ('', 'none', 'mild_redness', 'moderate_redness', 'strong_redness',
                                         'pinpoint_bleeding', 'swelling')),
    notes            TEXT    NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    UNIQUE (plan_id, sequence_no)
);
CREATE INDEX treatment_session_plan ON treatment_session (plan_id);

CREATE TABLE treatment_session_area (
    session_id  INTEGER NOT NULL REFERENCES treatment_session (id),
    area        TEXT    NOT NULL CHECK (length(trim(area)) > 0),
    depth_mm    REAL    NOT NULL CHECK (depth_mm BETWEEN 0.25 AND 3.0),
    PRIMARY KEY (session_id, area)
);

-- Append-only record of every change to patients, appointments and plans.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    workstation  TEXT    NOT NULL DEFAULT '',
    action       TEXT    NOT NULL,
    entity       TEXT    NOT NULL,
    entity_id    INTEGER,
    details      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log_append_only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log_append_only');
END;
