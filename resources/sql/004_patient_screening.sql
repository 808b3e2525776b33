-- DermDesk schema, version 4: the patient search index sorts without reading patient rows, and the medical
-- screening questionnaire with the clinic's contraindication rules.
-- Dates ('YYYY-MM-DD') are local to the clinic's time zone; instants are UTC Unix seconds.

-- patient_search (version 3) gains two UNINDEXED columns so a search ranks and sorts inside the index:
--   sort_name  lower(family_name || ' ' || given_name)
--   archived   patient.archived
DROP TRIGGER patient_search_after_insert;
DROP TRIGGER patient_search_after_update;
DROP TRIGGER patient_search_after_delete;
DROP VIEW patient_search_source;
DROP TABLE patient_search;

CREATE VIRTUAL TABLE patient_search USING fts5(
    names, phones, birth, email, sort_name UNINDEXED, archived UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE VIEW patient_search_source AS
SELECT id,
       trim(given_name || ' ' || family_name || ' ' || preferred_name) AS names,
       trim(mobile || ' ' || (CASE WHEN length(mobile) > 10 THEN substr(mobile, -10) ELSE '' END) || ' ' ||
            home || ' ' || (CASE WHEN length(home) > 10 THEN substr(home, -10) ELSE '' END)) AS phones,
       replace(coalesce(birth_date, ''), '-', '') AS birth,
       email,
       lower(family_name || ' ' || given_name) AS sort_name,
       archived
FROM (SELECT id, given_name, family_name, preferred_name, birth_date, email, archived,
             replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''),
                     '.', ''), '/', ''), '+', '') AS mobile,
             replace(replace(replace(replace(replace(replace(replace(phone_home, ' ', ''), '-', ''), '(', ''), ')', ''),
                     '.', ''), '/', ''), '+', '') AS home
      FROM patient);

CREATE TRIGGER patient_search_after_insert AFTER INSERT ON patient
BEGIN
    INSERT INTO patient_search (rowid, names, phones, birth, email, sort_name, archived)
    SELECT id, names, phones, birth, email, sort_name, archived FROM patient_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER patient_search_after_update
AFTER UPDATE OF id, given_name, family_name, preferred_name, birth_date, phone, phone_home, email, archived ON patient
BEGIN
    DELETE FROM patient_search WHERE rowid = OLD.id;
    INSERT INTO patient_search (rowid, names, phones, birth, email, sort_name, archived)
    SELECT id, names, phones, birth, email, sort_name, archived FROM patient_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER patient_search_after_delete AFTER DELETE ON patient
BEGIN
    DELETE FROM patient_search WHERE rowid = OLD.id;
END;

INSERT INTO patient_search (rowid, names, phones, birth, email, sort_name, archived)
SELECT id, names, phones, birth, email, sort_name, archived FROM patient_search_source;

-- The questions the screening form asks. `code` is stable for programs; `question` is the text shown.
-- A question with asks_date = 1 takes a date with a "yes" (last dose, last procedure).
CREATE TABLE screening_question (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
    question    TEXT    NOT NULL CHECK (length(trim(question)) > 0),
    asks_date   INTEGER NOT NULL DEFAULT 0 CHECK (asks_date IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Every answer ever given, never changed: a patient's current answer to a question is their latest row.
-- event_date is the date a "yes" refers to (e.g. the last isotretinoin dose); NULL when not asked or unknown.
CREATE TABLE screening_answer (
    id           INTEGER PRIMARY KEY,
    patient_id   INTEGER NOT NULL REFERENCES patient (id),
    question_id  INTEGER NOT NULL REFERENCES screening_question (id),
    answer       INTEGER NOT NULL CHECK (answer IN (0, 1)),
    event_date   TEXT    CHECK (event_date IS NULL OR length(event_date) = 10),
    detail       TEXT    NOT NULL DEFAULT '',
    answered_at  INTEGER NOT NULL,
    recorded_by  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX screening_answer_patient ON screening_answer (patient_id, question_id, answered_at);

CREATE TRIGGER screening_answer_no_update BEFORE UPDATE ON screening_answer
BEGIN
    SELECT RAISE(ABORT, 'screening_answer_append_only');
END;

-- What a "yes" means for a treatment session: 'stop' refuses to book it, 'caution' needs an acknowledgement
-- with a reason. With lookback_days the rule applies while the appointment's date is fewer than that many
-- days after the answer's event_date (or when the event date is unknown); without it, whenever the answer is yes.
CREATE TABLE contraindication_rule (
    id             INTEGER PRIMARY KEY,
    question_id    INTEGER NOT NULL REFERENCES screening_question (id),
    name           TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    kind           TEXT    NOT NULL CHECK (kind IN ('stop', 'caution')),
    lookback_days  INTEGER CHECK (lookback_days IS NULL OR lookback_days BETWEEN 1 AND 3650),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX contraindication_rule_question ON contraindication_rule (question_id);

-- Defaults, deliberately conservative; each clinic reviews them with its medical director.
INSERT INTO screening_question (id, code, question, asks_date, sort_order) VALUES
    (1, 'skin_infection', 'Active skin infection or cold sores in the treatment area', 0, 10),
    (2, 'inflammatory_acne', 'Active inflammatory acne in the treatment area', 0, 20),
    (3, 'isotretinoin', 'Isotretinoin (e.g. Accutane) - date of the last dose', 1, 30),
    (4, 'anticoagulants', 'Anticoagulant medication or a bleeding disorder', 0, 40),
    (5, 'pregnancy', 'Pregnant or breastfeeding', 0, 50),
    (6, 'keloid', 'History of keloid or hypertrophic scarring', 0, 60),
    (7, 'eczema_psoriasis_rosacea', 'Eczema, psoriasis or rosacea in the treatment area', 0, 70),
    (8, 'diabetes_immune', 'Diabetes or immune suppression', 0, 80),
    (9, 'retinoid', 'Topical retinoid use - date last used', 1, 90),
    (10, 'chemical_peel', 'Chemical peel - date', 1, 100),
    (11, 'laser', 'Laser treatment - date', 1, 110),
    (12, 'neurotoxin', 'Neurotoxin injection - date', 1, 120),
    (13, 'filler', 'Dermal filler - date', 1, 130),
    (14, 'radiation', 'Radiation therapy - date of the last treatment', 1, 140),
    (15, 'metal_lidocaine_allergy', 'Allergy to metals (e.g. nickel) or lidocaine / topical anaesthetics', 0, 150);

INSERT INTO contraindication_rule (question_id, name, kind, lookback_days) VALUES
    (1, 'Active skin infection or cold sores', 'stop', NULL),
    (2, 'Active inflammatory acne', 'stop', NULL),
    (3, 'Isotretinoin within 180 days', 'stop', 180),
    (4, 'Anticoagulants or bleeding disorder', 'caution', NULL),
    (5, 'Pregnancy or breastfeeding', 'stop', NULL),
    (6, 'Keloid or hypertrophic scarring', 'stop', NULL),
    (7, 'Eczema, psoriasis or rosacea in the area', 'stop', NULL),
    (8, 'Diabetes or immune suppression', 'caution', NULL),
    (9, 'Topical retinoid within 7 days', 'stop', 7),
    (10, 'Chemical peel within 14 days', 'stop', 14),
    (11, 'Laser within 30 days', 'stop', 30),
    (12, 'Neurotoxin within 14 days', 'caution', 14),
    (13, 'Dermal filler within 14 days', 'caution', 14),
    (14, 'Radiation therapy within 365 days', 'stop', 365),
    (15, 'Metal or lidocaine allergy', 'caution', NULL);
