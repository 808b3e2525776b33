#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace dermdesk::test {

// A fresh, migrated clinic database in its own temporary folder, removed with the fixture.
class TempDatabase
{
public:
    TempDatabase();

    [[nodiscard]] bool isValid() const { return m_database != nullptr; }
    [[nodiscard]] Database &database() { return *m_database; }
    [[nodiscard]] QString path() const { return m_folder.filePath(QStringLiteral("clinic.dermdesk")); }
    [[nodiscard]] QString folder() const { return m_folder.path(); }
    // Closes the connection (e.g. before another program opens the file).
    void close() { m_database.reset(); }
    // Opens the same file again.
    Result<std::unique_ptr<Database>> reopen() const { return Database::open(path()); }

    // Runs one statement and returns the first column of its first row (for assertions).
    QVariant scalar(const QString &sql);

    // Inserts the smallest valid clinic: one practitioner, one room, one type, one patient.
    // Returns false (with a QWARN) if any insert fails.
    bool seedMinimalClinic();

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Database> m_database;
};

} // namespace dermdesk::test
