#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace dermdesk::test {

// A fresh, migrated clinic database, removed with the fixture, on the engine of the test run (testEngine()):
// - SQLite: the file clinic.dermdesk in a temporary folder of its own;
// - PostgreSQL: a new, uniquely named database on the test cluster (TestServer), copied from the migrated template;
//   path() is its address (a URI every opener and dermdesk-cli --database accept), and the destructor drops it.
// folder() is a temporary folder of the fixture's own on either engine, for the other files a test writes.
class TempDatabase
{
public:
    TempDatabase();
    ~TempDatabase();
    TempDatabase(const TempDatabase &) = delete;
    TempDatabase &operator=(const TempDatabase &) = delete;

    [[nodiscard]] bool isValid() const { return m_database != nullptr; }
    [[nodiscard]] Database &database() { return *m_database; }
    // Where the clinic is: the file's path, or the server address (without a password) of the database.
    [[nodiscard]] QString path() const { return m_location; }
    [[nodiscard]] QString folder() const { return m_folder.path(); }
    [[nodiscard]] bool isOnServer() const { return !m_serverDatabase.isEmpty(); }
    // Closes the connection (e.g. before another program opens the file).
    void close() { m_database.reset(); }
    // Opens the same file again.
    Result<std::unique_ptr<Database>> reopen() const { return Database::open(path()); }

    // Runs one statement and returns the first column of its first row (for assertions).
    QVariant scalar(const QString &sql);

    // Inserts the smallest valid clinic: one practitioner, one room, one type, one patient.
    // Returns false (with a QWARN) if any insert fails.
    bool seedMinimalClinic();

    // After rows were inserted with explicit ids, makes the ids the engine gives new rows continue after the largest
    // id of each table, as SQLite's do (a server's id sequences do not follow explicit ids). False (with a QWARN)
    // when it fails; nothing to do on SQLite.
    static bool continueIds(Database &database);

private:
    QTemporaryDir m_folder;
    QString m_location;
    // The database's name on the test cluster; empty on SQLite.
    QString m_serverDatabase;
    std::unique_ptr<Database> m_database;
};

} // namespace dermdesk::test
