-- DermDesk schema, version 9, on PostgreSQL: two clinic-wide choices the desk's printouts and bookings follow
-- (resources/sql/009_desk_settings.sql on SQLite).

-- What a treatment session for a patient whose screening is missing or out of date needs:
-- 'caution' (booked with an acknowledgement and a reason, audited) or 'stop' (refused until the patient
-- is screened).
ALTER TABLE clinic_settings ADD COLUMN unscreened_policy text COLLATE "C" NOT NULL DEFAULT 'caution'
    CHECK (unscreened_policy IN ('caution', 'stop'));

-- The paper every printout and PDF uses: 'letter', 'a4', or '' for the one usual where the clinic is
-- (its time zone's country, else the desk's locale).
ALTER TABLE clinic_settings ADD COLUMN paper_size text COLLATE "C" NOT NULL DEFAULT ''
    CHECK (paper_size IN ('', 'letter', 'a4'));

-- What decides a patient's screening on the schedule, found without reading the whole questionnaire: the
-- answers that are yes (the answer column is in the key so that the planner, which has no statistics, takes
-- this index for "patient_id = ? AND answer = 1"), and the newest answer of each patient (id last, as SQLite's
-- rowid ends every index there, so "ORDER BY answered_at DESC, id DESC LIMIT 1" reads one entry, not the patient's
-- whole questionnaire sorted).
CREATE INDEX screening_answer_yes ON screening_answer (patient_id, answer) WHERE answer = 1;
CREATE INDEX screening_answer_newest ON screening_answer (patient_id, answered_at, id);
