-- DermDesk schema, version 12: the patient's names kept on each of their appointments, so a week of the schedule
-- (thousands of blocks) reads every block from the appointment's own row instead of looking up its patient once
-- per block. The triggers below keep the columns equal to the patient's row: when an appointment is written, when it
-- is given to another patient (a merge), and when a patient's names change. Nothing else writes them.

ALTER TABLE appointment ADD COLUMN patient_given_name TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN patient_family_name TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN patient_preferred_name TEXT NOT NULL DEFAULT '';

UPDATE appointment
SET (patient_given_name, patient_family_name, patient_preferred_name) =
    (SELECT given_name, family_name, preferred_name FROM patient p WHERE p.id = appointment.patient_id)
WHERE EXISTS (SELECT 1 FROM patient p WHERE p.id = appointment.patient_id);

-- An appointment written or given to another patient takes that patient's names. (A copy that writes appointments
-- before their patients keeps the names it wrote.)
CREATE TRIGGER appointment_patient_names_insert
AFTER INSERT ON appointment
BEGIN
    UPDATE appointment
    SET (patient_given_name, patient_family_name, patient_preferred_name) =
        (SELECT given_name, family_name, preferred_name FROM patient p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id AND EXISTS (SELECT 1 FROM patient p WHERE p.id = NEW.patient_id);
END;

CREATE TRIGGER appointment_patient_names_update
AFTER UPDATE OF patient_id ON appointment
BEGIN
    UPDATE appointment
    SET (patient_given_name, patient_family_name, patient_preferred_name) =
        (SELECT given_name, family_name, preferred_name FROM patient p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id AND EXISTS (SELECT 1 FROM patient p WHERE p.id = NEW.patient_id);
END;

-- A patient renamed: every appointment of theirs, past and future, shows the new names.
CREATE TRIGGER patient_appointment_names
AFTER UPDATE OF given_name, family_name, preferred_name ON patient
WHEN OLD.given_name IS NOT NEW.given_name OR OLD.family_name IS NOT NEW.family_name
     OR OLD.preferred_name IS NOT NEW.preferred_name
BEGIN
    UPDATE appointment
    SET (patient_given_name, patient_family_name, patient_preferred_name) =
        (NEW.given_name, NEW.family_name, NEW.preferred_name)
    WHERE patient_id = NEW.id;
END;
