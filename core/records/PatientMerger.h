#pragma once

#include "PatientMerge.h"
#include "common/Clock.h"
#include "common/Result.h"

namespace dermdesk {

class Database;

// Merges two records of the same person: every row that belongs to the merged record (appointments, treatment
// plans, waitlist entries, screening answers, handout-log rows) moves to the survivor in ONE BEGIN IMMEDIATE
// transaction; the merged record is archived, points at the survivor (patient.merged_into_id) and gains a note
// saying so; "merge" audit rows on both records hold the records before and after and the ids that moved.
//
// Refusals write nothing: a record merged into itself (InvalidInput "survivor"), an unknown id (NotFound
// "patient"), a record already merged away (Rule "patient.merged"), and live appointments of the two that
// overlap in time (Rule "patient.merge_overlap", naming both and the date). Use on the Database's thread.
//
// It sits above the folders whose rows it moves: the appointments are listed, compared and moved by
// AppointmentRepository (core/calendar), which owns them.
class PatientMerger
{
public:
    explicit PatientMerger(const Database &database, const Clock &clock = Clock::system());

    // What merge() would move, under the same refusals, without writing.
    [[nodiscard]] Result<PatientMerge> preview(qint64 mergedId, qint64 survivorId) const;
    // Moves everything of `mergedId` to `survivorId` and archives `mergedId`. Returns what moved, with both
    // records as they were before.
    Result<PatientMerge> merge(qint64 mergedId, qint64 survivorId);

    // Every table whose patient_id the merge moves.
    [[nodiscard]] static QStringList movedTables();

private:
    [[nodiscard]] Result<Patient> record(qint64 id, const QString &field) const;
    // The ids of the patient's rows in `table` (one of the tables besides appointment that a merge moves).
    [[nodiscard]] Result<QList<qint64>> ids(const QString &table, qint64 patientId) const;
    [[nodiscard]] Status checkNoOverlap(const PatientMerge &merge) const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
