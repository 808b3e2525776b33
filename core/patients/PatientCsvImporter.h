#pragma once

#include "Patient.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>

namespace dermdesk {

class Database;

// Imports patients from a CSV file whose first record is a header (a clinic switching from another system).
// The file is read by CsvReader (refused whole when it cannot be read as CSV, or has no header). Every row is
// checked: birth date as YYYY-MM-DD, every field by PatientFieldRules (the rules and bounds of the patient
// record), possible duplicates of existing patients or of an earlier row; a row with a problem is reported with
// its line number, and a field's problem also names the column. A cell that starts with an apostrophe put
// there by CsvFormulaGuard (a CSV written by DermDesk) loses it; one-line fields lose surrounding white space.
// What is saved depends on the Mode; the rows saved are saved in one transaction (audited as "import").
class PatientCsvImporter
{
public:
    enum class Mode {
        // Check every row and save nothing.
        DryRun,
        // Save every row, or none at all when any row has a problem.
        AllOrNothing,
        // Save the rows without problems; report the others.
        SkipInvalid,
    };

    struct RowError
    {
        // The line (1-based) the row starts on in the file.
        int line = 0;
        // The field at fault ("birth_date", "given_name", "duplicate", "row").
        QString field;
        QString message;
    };

    struct Report
    {
        // Data rows read (the header not counted).
        int rows = 0;
        // Rows that passed every check.
        int valid = 0;
        // Ids of the saved patients, in file order; empty on a dry run and when AllOrNothing found a problem.
        QList<qint64> ids;
        QList<RowError> errors;
        Mode mode = Mode::DryRun;
    };

    // The patient fields a column can map to: "given_name", "family_name", "preferred_name", "birth_date",
    // "phone", "phone_home", "email", "address", "emergency_contact", "allergies", "medications", "notes".
    [[nodiscard]] static QStringList fields();
    // Field name → column index, guessed from header names ("First name", "Surname", "DOB", "Mobile", ...).
    [[nodiscard]] static QHash<QString, int> guessMapping(const QStringList &header);

    explicit PatientCsvImporter(const Database &database, const Clock &clock = Clock::system());

    // Reads and checks `csv`, and saves rows as `mode` says. An empty `mapping` is guessed from the header.
    // InvalidInput "file" when the file is refused, "mapping" when no column gives a name (nothing saved).
    // `progress` (optional) is called with (rows checked, rows in the file) every 100 rows and at the end.
    [[nodiscard]] Result<Report> import(const QByteArray &csv, Mode mode, QHash<QString, int> mapping = {},
                                        const std::function<void(int, int)> &progress = {});

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
