-- DermDesk schema, version 2: what the schedule's rules keep beyond version 1.
-- Instants are UTC Unix seconds, dates ('YYYY-MM-DD') and minutes of day are local to the clinic's
-- time zone, weekdays are ISO 8601 (1 = Monday ... 7 = Sunday).
-- CHECK constraints use portable SQL only (no SQLite date functions).

-- Why an appointment was cancelled, as a code ('patient_request', 'illness', 'clinic', 'other'),
-- cancel_reason keeps the readable text. NULL for appointments cancelled before version 2.
ALTER TABLE appointment ADD COLUMN cancel_category TEXT
    CHECK (cancel_category IS NULL OR cancel_category IN ('patient_request', 'illness', 'clinic', 'other'));
-- 1 when the patient cancelled with less than 24 hours' notice (the clinic's own cancellations never count).
ALTER TABLE appointment ADD COLUMN late_cancel INTEGER NOT NULL DEFAULT 0 CHECK (late_cancel IN (0, 1));

-- Every status an appointment passed through, time-stamped: the row with from_status NULL is its booking.
-- Appointments stored before version 2 have no rows. Append-only, like audit_log.
CREATE TABLE appointment_status_change (
    id              INTEGER PRIMARY KEY,
    appointment_id  INTEGER NOT NULL REFERENCES appointment (id),
    from_status     TEXT    CHECK (from_status IS NULL OR from_status IN
                                   ('booked', 'confirmed', 'arrived', 'in_treatment', 'completed', 'cancelled', 'no_show')),
    to_status       TEXT    NOT NULL CHECK (to_status IN
                                   ('booked', 'confirmed', 'arrived', 'in_treatment', 'completed', 'cancelled', 'no_show')),
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    reason          TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX appointment_status_change_appointment ON appointment_status_change (appointment_id, at);

CREATE TRIGGER appointment_status_change_no_update BEFORE UPDATE ON appointment_status_change
BEGIN
    SELECT RAISE(ABORT, 'appointment_status_change_append_only');
END;
CREATE TRIGGER appointment_status_change_no_delete BEFORE DELETE ON appointment_status_change
BEGIN
    SELECT RAISE(ABORT, 'appointment_status_change_append_only');
END;

-- One-off blockouts are found by their end, weekly ones by their kind, both stay short scans however
-- many past closures the clinic has.
CREATE INDEX blockout_repeat_end ON blockout (repeat, ends_at);

-- A patient who wants an earlier appointment of a type. earliest_date .. latest_date (inclusive) is the
-- window they accept, weekdays is a bit set (bit 0 = Monday ... bit 6 = Sunday, 0 = any day),
-- day_starts_min .. day_ends_min is the time of day the visit must lie in (both NULL = any time).
-- Entries are never deleted: 'booked' names the appointment that was made, 'removed' says why.
CREATE TABLE waitlist_entry (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patient (id),
    type_id          INTEGER NOT NULL REFERENCES appointment_type (id),
    practitioner_id  INTEGER REFERENCES practitioner (id),
    earliest_date    TEXT    NOT NULL CHECK (length(earliest_date) = 10),
    latest_date      TEXT    NOT NULL CHECK (length(latest_date) = 10),
    weekdays         INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127),
    day_starts_min   INTEGER CHECK (day_starts_min IS NULL OR day_starts_min BETWEEN 0 AND 1439),
    day_ends_min     INTEGER CHECK (day_ends_min IS NULL OR day_ends_min BETWEEN 1 AND 1440),
    notes            TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'booked', 'removed')),
    status_reason    TEXT    NOT NULL DEFAULT '',
    appointment_id   INTEGER REFERENCES appointment (id),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    CHECK (latest_date >= earliest_date),
    CHECK ((day_starts_min IS NULL AND day_ends_min IS NULL) OR
           (day_starts_min IS NOT NULL AND day_ends_min IS NOT NULL AND day_ends_min > day_starts_min)),
    CHECK (status <> 'booked' OR appointment_id IS NOT NULL),
    CHECK (status <> 'removed' OR length(trim(status_reason)) > 0)
);
CREATE INDEX waitlist_entry_status_type ON waitlist_entry (status, type_id, created_at);
CREATE INDEX waitlist_entry_patient ON waitlist_entry (patient_id);
