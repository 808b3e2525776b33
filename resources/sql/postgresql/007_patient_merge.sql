-- DermDesk schema, version 7, on PostgreSQL: merging two records of the same person (PatientMerger)
-- (resources/sql/007_patient_merge.sql on SQLite).
-- A merged record stays (archived, never deleted) and points at the record that survived it.
ALTER TABLE patient ADD COLUMN merged_into_id bigint REFERENCES patient (id);

-- Screening answers and the handout log stay append-only, except that a merge may move a row to the surviving
-- patient: only patient_id may change.
DROP TRIGGER screening_answer_no_update ON screening_answer;
CREATE TRIGGER screening_answer_no_update
BEFORE UPDATE OF id, question_id, answer, event_date, detail, answered_at, recorded_by ON screening_answer
    FOR EACH ROW EXECUTE FUNCTION dermdesk_refuse('screening_answer_append_only');

DROP TRIGGER handout_log_no_update ON handout_log;
CREATE TRIGGER handout_log_no_update
BEFORE UPDATE OF id, document, appointment_id, guide_sections, guide_date, output, printed_at, printed_by, workstation
ON handout_log
    FOR EACH ROW EXECUTE FUNCTION dermdesk_refuse('handout_log_append_only');
