#pragma once

#include <QString>

namespace dermdesk::bench {

class BenchReport;

// The patient registry's interactive figures (issue 4) on a demo clinic at scale, each the median of
// repeated runs. Nothing here changes the database at `path`. "Now" is the demo's own present: the
// latest appointment creation time in the file.

// patient_search_ms: one keystroke, that is PatientListModel::search() of the text typed so far plus the
// display texts of the rows a list shows first, for every keystroke of typing several patients' "family
// given" names and a phone number (target: median ≤ 5 ms); patient_search_ms_raw: the same statements
// (PatientRepository::searchStatement, then AppointmentRepository::nextVisitsStatement) stepped by the bare sqlite3 C
// API on Database::nativeHandle(); patient_search_ratio: the first over the second (target ≤ 2).
void benchPatientSearch(BenchReport &report, const QString &path, int runs);
// patient_open_ms: opening the patient with the most appointments: the record, the attendance counts and
// the whole appointment timeline (target: median ≤ 20 ms).
void benchPatientOpen(BenchReport &report, const QString &path, int runs);

// import_10k_ms: PatientCsvImporter importing 10,000 generated CSV rows into a new, empty clinic on the engine of
// the clinic at `path` (a file in a temporary folder, or a new database on the same server; target ≤ 2000 ms).
void benchPatientImport(BenchReport &report, const QString &path, int runs);

// import_long_cell_ms: PatientCsvImporter's dry run of a CSV whose one data row has a notes cell of 1,000,000
// accented characters, into an empty clinic as import_10k_ms's: reading, parsing and refusing the cell by its bound,
// naming line and column (target ≤ 1000 ms; the reader is linear in the file's size).
void benchPatientLongCell(BenchReport &report, const QString &path, int runs);

// The "patients" group: all of the above (the import at most 3 times).
void benchPatients(BenchReport &report, const QString &path, int runs);

} // namespace dermdesk::bench
