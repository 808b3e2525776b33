-- DermDesk schema, version 12, on PostgreSQL (resources/sql/012_appointment_patient_names.sql on SQLite): the
-- patient's names kept on each of their appointments, so a week of the schedule (thousands of blocks) reads every
-- block from the appointment's own row instead of looking up its patient once per block. The triggers below keep the
-- columns equal to the patient's row: when an appointment is written, when it is given to another patient (a merge),
-- and when a patient's names change. Nothing else writes them.

ALTER TABLE appointment ADD COLUMN patient_given_name text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN patient_family_name text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN patient_preferred_name text COLLATE "C" NOT NULL DEFAULT '';

UPDATE appointment a
SET (patient_given_name, patient_family_name, patient_preferred_name) = (p.given_name, p.family_name, p.preferred_name)
FROM patient p
WHERE p.id = a.patient_id;

-- An appointment written or given to another patient takes that patient's names. (A copy that writes appointments
-- before their patients keeps the names it wrote.)
CREATE FUNCTION appointment_patient_names() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    found_given text;
    found_family text;
    found_preferred text;
BEGIN
    SELECT given_name, family_name, preferred_name INTO found_given, found_family, found_preferred
    FROM patient WHERE id = NEW.patient_id;
    IF FOUND THEN
        NEW.patient_given_name := found_given;
        NEW.patient_family_name := found_family;
        NEW.patient_preferred_name := found_preferred;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER appointment_patient_names_insert BEFORE INSERT ON appointment
    FOR EACH ROW EXECUTE FUNCTION appointment_patient_names();
CREATE TRIGGER appointment_patient_names_update BEFORE UPDATE OF patient_id ON appointment
    FOR EACH ROW EXECUTE FUNCTION appointment_patient_names();

-- A patient renamed: every appointment of theirs, past and future, shows the new names.
CREATE FUNCTION patient_appointment_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE appointment
    SET (patient_given_name, patient_family_name, patient_preferred_name) =
        (NEW.given_name, NEW.family_name, NEW.preferred_name)
    WHERE patient_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER patient_appointment_names AFTER UPDATE OF given_name, family_name, preferred_name ON patient
    FOR EACH ROW
    WHEN (OLD.given_name IS DISTINCT FROM NEW.given_name OR OLD.family_name IS DISTINCT FROM NEW.family_name
          OR OLD.preferred_name IS DISTINCT FROM NEW.preferred_name)
    EXECUTE FUNCTION patient_appointment_names();
