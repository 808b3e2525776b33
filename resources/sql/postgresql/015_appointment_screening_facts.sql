-- DermDesk schema, version 15, on PostgreSQL (resources/sql/015_appointment_screening_facts.sql on SQLite): what the
-- schedule needs to know about a patient's screening, kept on each of their appointments, so that a week of the
-- schedule (over a thousand treatment patients) does not look up every patient's answers:
--   patient_screened_at    when the patient's newest screening answer was given (NULL: never screened), which says
--                          whether the screening is out of date on the appointment's day;
--   patient_screening_yes  1 when the latest answer to at least one question is yes; only those patients' answers
--                          are read, for the clinic's contraindication rules.
-- The triggers below keep both equal to the patient's answers: when an appointment is written or given to another
-- patient (a merge), and when answers are added, moved to another patient or removed. Nothing else writes them.
-- They replace the triggers of version 12, which kept only the names.

-- A patient's screening facts, as the columns below hold them.
CREATE VIEW screening_facts AS
SELECT p.id AS patient_id,
       (SELECT max(s.answered_at) FROM screening_answer s WHERE s.patient_id = p.id) AS screened_at,
       CASE WHEN EXISTS (
           SELECT 1 FROM screening_answer a
           WHERE a.patient_id = p.id AND a.answer = 1
             AND NOT EXISTS (SELECT 1 FROM screening_answer n WHERE n.patient_id = a.patient_id
                             AND n.question_id = a.question_id
                             AND (n.answered_at > a.answered_at OR (n.answered_at = a.answered_at AND n.id > a.id))))
       THEN 1 ELSE 0 END AS screening_yes
FROM patient p;

ALTER TABLE appointment ADD COLUMN patient_screened_at bigint;
ALTER TABLE appointment ADD COLUMN patient_screening_yes integer NOT NULL DEFAULT 0
    CHECK (patient_screening_yes IN (0, 1));

UPDATE appointment a
SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
FROM screening_facts f
WHERE f.patient_id = a.patient_id AND f.patient_id IN (SELECT patient_id FROM screening_answer);

-- An appointment written or given to another patient takes that patient's names (a copy that writes appointments
-- before their patients keeps the names it wrote) and screening facts.
DROP TRIGGER appointment_patient_names_insert ON appointment;
DROP TRIGGER appointment_patient_names_update ON appointment;
DROP FUNCTION appointment_patient_names();

CREATE FUNCTION appointment_patient_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner patient%ROWTYPE;
    facts screening_facts%ROWTYPE;
BEGIN
    SELECT * INTO owner FROM patient WHERE id = NEW.patient_id;
    IF FOUND THEN
        NEW.patient_given_name := owner.given_name;
        NEW.patient_family_name := owner.family_name;
        NEW.patient_preferred_name := owner.preferred_name;
        SELECT * INTO facts FROM screening_facts WHERE patient_id = NEW.patient_id;
        NEW.patient_screened_at := facts.screened_at;
        NEW.patient_screening_yes := facts.screening_yes;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER appointment_patient_facts_insert BEFORE INSERT ON appointment
    FOR EACH ROW EXECUTE FUNCTION appointment_patient_facts();
CREATE TRIGGER appointment_patient_facts_update BEFORE UPDATE OF patient_id ON appointment
    FOR EACH ROW EXECUTE FUNCTION appointment_patient_facts();

-- Answers added, moved to another patient (a merge) or removed: every appointment of the patients concerned, past
-- and future, whose facts changed; once per statement, however many answers it wrote.
CREATE FUNCTION screening_answer_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE appointment a
        SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
        FROM screening_facts f
        WHERE f.patient_id IN (SELECT patient_id FROM added) AND a.patient_id = f.patient_id
          AND (a.patient_screened_at IS DISTINCT FROM f.screened_at OR a.patient_screening_yes <> f.screening_yes);
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE appointment a
        SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
        FROM screening_facts f
        WHERE f.patient_id IN (SELECT patient_id FROM added UNION SELECT patient_id FROM removed)
          AND a.patient_id = f.patient_id
          AND (a.patient_screened_at IS DISTINCT FROM f.screened_at OR a.patient_screening_yes <> f.screening_yes);
    ELSE
        UPDATE appointment a
        SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
        FROM screening_facts f
        WHERE f.patient_id IN (SELECT patient_id FROM removed) AND a.patient_id = f.patient_id
          AND (a.patient_screened_at IS DISTINCT FROM f.screened_at OR a.patient_screening_yes <> f.screening_yes);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER screening_answer_facts_insert AFTER INSERT ON screening_answer
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION screening_answer_facts();
CREATE TRIGGER screening_answer_facts_update AFTER UPDATE ON screening_answer
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION screening_answer_facts();
CREATE TRIGGER screening_answer_facts_delete AFTER DELETE ON screening_answer
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION screening_answer_facts();
