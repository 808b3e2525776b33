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
// Every row is checked (names, birth date as YYYY-MM-DD, phone and email shape, possible duplicates of
// existing patients or of an earlier row) and either reported with its line number or kept; then all kept
// rows are saved in one transaction (audited as "import"), unless it is a dry run. A file that cannot be
// read as CSV (not UTF-8, an unclosed quote, too large, no header) is refused whole.
class PatientCsvImporter
{
public:
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
        // Rows that passed every check: saved, or would be on a dry run.
        int valid = 0;
        // Ids of the saved patients, in file order; empty on a dry run.
        QList<qint64> ids;
        QList<RowError> errors;
        bool dryRun = false;
    };

    // The patient fields a column can map to: "given_name", "family_name", "preferred_name", "birth_date",
    // "phone", "phone_home", "email", "address", "emergency_contact", "allergies", "medications", "notes".
    [[nodiscard]] static QStringList fields();
    // Field name → column index, guessed from header names ("First name", "Surname", "DOB", "Mobile", ...).
    [[nodiscard]] static QHash<QString, int> guessMapping(const QStringList &header);

    explicit PatientCsvImporter(const Database &database, const Clock &clock = Clock::system());

    // Reads and checks `csv`, and saves the valid rows unless `dryRun`. An empty `mapping` is guessed from
    // the header. InvalidInput "file" when the file is refused, "mapping" when no column gives a name.
    // `progress` (optional) is called with (rows checked, rows in the file) every 100 rows and at the end.
    [[nodiscard]] Result<Report> import(const QByteArray &csv, bool dryRun, QHash<QString, int> mapping = {},
                                        const std::function<void(int, int)> &progress = {});

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
