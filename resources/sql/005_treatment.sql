-- DermDesk schema, version 5: microneedling courses (issue 5) beyond what version 1 holds.
-- Instants are UTC Unix seconds; minutes of day are local to the clinic's time zone; weekdays are a bit set
-- (bit 0 = Monday ... bit 6 = Sunday, 0 = any day), as in waitlist_entry.
-- CHECK constraints use portable SQL only (no SQLite date functions) and name one column each.

-- The concerns a plan may treat: the guide's list (from_guide = 1) and those the clinic adds.
-- treatment_plan.concerns keeps the chosen names, comma-separated, as version 1 does.
CREATE TABLE treatment_concern (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    from_guide  INTEGER NOT NULL DEFAULT 0 CHECK (from_guide IN (0, 1)),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO treatment_concern (name, from_guide, sort_order) VALUES
    ('skin texture', 1, 10),
    ('fine lines and wrinkles', 1, 20),
    ('acne scars', 1, 30),
    ('skin tone and hyperpigmentation', 1, 40),
    ('stretch marks', 0, 50);

-- The treatment areas a plan or a session names, with the needle depth a new plan suggests for each (mm).
CREATE TABLE treatment_area_option (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    default_depth_mm  REAL    CHECK (default_depth_mm IS NULL OR default_depth_mm BETWEEN 0.25 AND 3.0),
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order        INTEGER NOT NULL DEFAULT 0
);
INSERT INTO treatment_area_option (name, default_depth_mm, sort_order) VALUES
    ('face', 1.0, 10),
    ('forehead', 0.5, 20),
    ('cheeks', 1.0, 30),
    ('periorbital', 0.5, 40),
    ('perioral', 0.75, 50),
    ('neck', 0.5, 60),
    ('décolletage', 0.5, 70),
    ('hands', 0.5, 80),
    ('abdomen', 1.5, 90),
    ('thighs', 1.5, 100),
    ('hips', 1.5, 110),
    ('upper arms', 1.0, 120);

-- Expected downtime after a session, by its deepest needle depth: the band with the smallest
-- max_depth_mm at or above that depth applies. The guide: "depending on the depth of the needles used,
-- downtime can vary from a few hours to a few days". The clinic edits these rows; label is what staff
-- and handouts show.
CREATE TABLE downtime_band (
    id            INTEGER PRIMARY KEY,
    max_depth_mm  REAL    NOT NULL UNIQUE CHECK (max_depth_mm BETWEEN 0.25 AND 3.0),
    min_hours     INTEGER NOT NULL CHECK (min_hours BETWEEN 0 AND 720),
    max_hours     INTEGER NOT NULL CHECK (max_hours BETWEEN 0 AND 720),
    label         TEXT    NOT NULL CHECK (length(trim(label)) > 0),
    updated_at    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO downtime_band (max_depth_mm, min_hours, max_hours, label) VALUES
    (0.5, 2, 24, 'A few hours'),
    (1.0, 24, 72, '1–3 days'),
    (1.5, 48, 96, '2–4 days'),
    (2.0, 72, 120, '3–5 days'),
    (3.0, 96, 168, '4–7 days');

-- When the patient prefers to come for the sessions of a plan (the series planner keeps to them).
-- preferred_starts_min .. preferred_ends_min: both NULL = any time of day.
ALTER TABLE treatment_plan ADD COLUMN preferred_weekdays INTEGER NOT NULL DEFAULT 0
    CHECK (preferred_weekdays BETWEEN 0 AND 127);
ALTER TABLE treatment_plan ADD COLUMN preferred_starts_min INTEGER
    CHECK (preferred_starts_min IS NULL OR preferred_starts_min BETWEEN 0 AND 1439);
ALTER TABLE treatment_plan ADD COLUMN preferred_ends_min INTEGER
    CHECK (preferred_ends_min IS NULL OR preferred_ends_min BETWEEN 1 AND 1440);
-- Who recorded the consent (form version and date are in version 1).
ALTER TABLE treatment_plan ADD COLUMN consent_recorded_by TEXT NOT NULL DEFAULT '';

-- A session booked earlier than the plan's minimum interval after the previous one: why it was allowed.
ALTER TABLE treatment_session ADD COLUMN interval_override_reason TEXT NOT NULL DEFAULT '';
-- When the practitioner's record of the session was last saved (NULL: not recorded yet).
ALTER TABLE treatment_session ADD COLUMN recorded_at INTEGER;

-- Clinic defaults for a new plan and for the recall list.
ALTER TABLE clinic_settings ADD COLUMN default_interval_min_weeks INTEGER NOT NULL DEFAULT 4
    CHECK (default_interval_min_weeks BETWEEN 1 AND 52);
ALTER TABLE clinic_settings ADD COLUMN default_interval_max_weeks INTEGER NOT NULL DEFAULT 6
    CHECK (default_interval_max_weeks BETWEEN 1 AND 52);
-- The recall list also shows plans whose next window opens within this many days.
ALTER TABLE clinic_settings ADD COLUMN recall_horizon_days INTEGER NOT NULL DEFAULT 14
    CHECK (recall_horizon_days BETWEEN 0 AND 90);
-- The consent form a new consent is recorded against.
ALTER TABLE clinic_settings ADD COLUMN consent_form_version TEXT NOT NULL DEFAULT '';
