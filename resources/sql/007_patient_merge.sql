-- DermDesk schema, version 7: merging two records of the same person (PatientMerger).
-- A merged record stays (archived, never deleted) and points at the record that survived it.
ALTER TABLE patient ADD COLUMN merged_into_id INTEGER REFERENCES patient (id);

-- Screening answers and the handout log stay append-only, except that a merge may move a row to the surviving
-- patient: only patient_id may change.
DROP TRIGGER screening_answer_no_update;
CREATE TRIGGER screening_answer_no_update
BEFORE UPDATE OF id, question_id, answer, event_date, detail, answered_at, recorded_by ON screening_answer
BEGIN
    SELECT RAISE(ABORT, 'screening_answer_append_only');
END;

DROP TRIGGER handout_log_no_update;
CREATE TRIGGER handout_log_no_update
BEFORE UPDATE OF id, document, appointment_id, guide_sections, guide_date, output, printed_at, printed_by, workstation
ON handout_log
BEGIN
    SELECT RAISE(ABORT, 'handout_log_append_only');
END;
