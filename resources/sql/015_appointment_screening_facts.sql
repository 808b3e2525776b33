-- DermDesk schema, version 15: what the schedule needs to know about a patient's screening, kept on each of their
-- appointments, so that a week of the schedule (over a thousand treatment patients) does not look up every patient's
-- answers:
--   patient_screened_at    when the patient's newest screening answer was given (NULL: never screened), which says
--                          whether the screening is out of date on the appointment's day;
--   patient_screening_yes  1 when the latest answer to at least one question is yes; only those patients' answers
--                          are read, for the clinic's contraindication rules.
-- The triggers below keep both equal to the patient's answers: when an appointment is written or given to another
-- patient (a merge), and when an answer is added, moved to another patient or removed. Nothing else writes them.
-- They replace the triggers of version 12, which kept only the names, so that writing an appointment still updates
-- its row once.

-- A patient's screening facts, as the columns below hold them.
CREATE VIEW screening_facts AS
SELECT p.id AS patient_id,
       (SELECT max(s.answered_at) FROM screening_answer s WHERE s.patient_id = p.id) AS screened_at,
       EXISTS (SELECT 1 FROM screening_answer a
               WHERE a.patient_id = p.id AND a.answer = 1
                 AND NOT EXISTS (SELECT 1 FROM screening_answer n WHERE n.patient_id = a.patient_id
                                 AND n.question_id = a.question_id
                                 AND (n.answered_at > a.answered_at OR (n.answered_at = a.answered_at AND n.id > a.id))))
           AS screening_yes
FROM patient p;

ALTER TABLE appointment ADD COLUMN patient_screened_at INTEGER;
ALTER TABLE appointment ADD COLUMN patient_screening_yes INTEGER NOT NULL DEFAULT 0
    CHECK (patient_screening_yes IN (0, 1));

UPDATE appointment
SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
FROM screening_facts f
WHERE f.patient_id = appointment.patient_id AND f.patient_id IN (SELECT patient_id FROM screening_answer);

-- An appointment written or given to another patient takes that patient's names (a copy that writes appointments
-- before their patients keeps the names it wrote) and screening facts.
DROP TRIGGER appointment_patient_names_insert;
DROP TRIGGER appointment_patient_names_update;

CREATE TRIGGER appointment_patient_facts_insert
AFTER INSERT ON appointment
BEGIN
    UPDATE appointment
    SET (patient_given_name, patient_family_name, patient_preferred_name, patient_screened_at, patient_screening_yes) =
        (p.given_name, p.family_name, p.preferred_name, f.screened_at, f.screening_yes)
    FROM patient p JOIN screening_facts f ON f.patient_id = p.id
    WHERE appointment.id = NEW.id AND p.id = NEW.patient_id;
END;

CREATE TRIGGER appointment_patient_facts_update
AFTER UPDATE OF patient_id ON appointment
BEGIN
    UPDATE appointment
    SET (patient_given_name, patient_family_name, patient_preferred_name, patient_screened_at, patient_screening_yes) =
        (p.given_name, p.family_name, p.preferred_name, f.screened_at, f.screening_yes)
    FROM patient p JOIN screening_facts f ON f.patient_id = p.id
    WHERE appointment.id = NEW.id AND p.id = NEW.patient_id;
END;

-- An answer added, moved to another patient (a merge) or removed: every appointment of the patients concerned, past
-- and future, whose facts changed. The answers of one questionnaire share their time, so after the first of them
-- only an answer that is yes changes anything.
CREATE TRIGGER screening_answer_facts_insert
AFTER INSERT ON screening_answer
BEGIN
    UPDATE appointment
    SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
    FROM screening_facts f
    WHERE f.patient_id = NEW.patient_id AND appointment.patient_id = NEW.patient_id
      AND (appointment.patient_screened_at IS NOT f.screened_at OR appointment.patient_screening_yes <> f.screening_yes);
END;

CREATE TRIGGER screening_answer_facts_update
AFTER UPDATE OF patient_id ON screening_answer
BEGIN
    UPDATE appointment
    SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
    FROM screening_facts f
    WHERE f.patient_id IN (OLD.patient_id, NEW.patient_id) AND appointment.patient_id = f.patient_id
      AND (appointment.patient_screened_at IS NOT f.screened_at OR appointment.patient_screening_yes <> f.screening_yes);
END;

CREATE TRIGGER screening_answer_facts_delete
AFTER DELETE ON screening_answer
BEGIN
    UPDATE appointment
    SET (patient_screened_at, patient_screening_yes) = (f.screened_at, f.screening_yes)
    FROM screening_facts f
    WHERE f.patient_id = OLD.patient_id AND appointment.patient_id = OLD.patient_id
      AND (appointment.patient_screened_at IS NOT f.screened_at OR appointment.patient_screening_yes <> f.screening_yes);
END;
