#pragma once

#include "common/Result.h"

#include <QIODevice>

namespace dermdesk {

class Database;

// The patient list as CSV for spreadsheet programs: a UTF-8 byte-order mark, a header row with the column
// names PatientCsvImporter recognises, one row per patient (archived ones too) by family then given name.
// Streams, so 100,000 patients need no more memory than one row.
class PatientListExport
{
public:
    explicit PatientListExport(const Database &database);

    // Returns the number of patients written. Storage when the file cannot be written.
    [[nodiscard]] Result<qint64> writeCsv(QIODevice &out) const;

private:
    const Database &m_database;
};

} // namespace dermdesk
