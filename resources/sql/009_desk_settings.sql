-- DermDesk schema, version 9: two clinic-wide choices the desk's printouts and bookings follow.

-- What a treatment session for a patient whose screening is missing or out of date needs:
-- 'caution' (booked with an acknowledgement and a reason, audited) or 'stop' (refused until the patient
-- is screened).
ALTER TABLE clinic_settings ADD COLUMN unscreened_policy TEXT NOT NULL DEFAULT 'caution'
    CHECK (unscreened_policy IN ('caution', 'stop'));

-- The paper every printout and PDF uses: 'letter', 'a4', or '' for the one usual where the clinic is
-- (its time zone's country, else the desk's locale).
ALTER TABLE clinic_settings ADD COLUMN paper_size TEXT NOT NULL DEFAULT ''
    CHECK (paper_size IN ('', 'letter', 'a4'));
