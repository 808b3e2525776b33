#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace dermdesk {

// One open clinic database: owns its connection, its pragmas and its schema migrations.
//
// Threading: a Database and everything built on its connection belong to the thread that
// opened it. Another thread opens its own Database on the same file (WAL lets them share).
class Database
{
public:
    struct Options
    {
        // Create a new, empty clinic database when the file does not exist yet.
        bool createIfMissing = true;
        // How long a statement waits for another writer before giving up, in milliseconds.
        int busyTimeoutMs = 5000;
        // Migrate an older schema (after copying the file aside). When false an older schema is refused.
        bool migrate = true;
        // Where the numbered schema scripts (001_initial.sql, 002_....sql) are read from.
        // Only tests point this elsewhere.
        QString migrationsFolder = QStringLiteral(":/sql");
    };

    // The path used for ":memory:" databases; such a database lives as long as its Database.
    static QString memoryPath();

    // Opens (and, when needed, creates or migrates) the clinic database at `path`.
    // A file that is missing its folder, read-only, locked, corrupt, not a DermDesk database or
    // written by a newer DermDesk is refused with an Error of kind Storage (InvalidInput for a
    // missing folder) and is never modified.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options()); }

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The schema version this program writes; a file with a higher one is refused.
    [[nodiscard]] static int latestSchemaVersion();
    // The application_id stamped into every DermDesk database file.
    static constexpr int applicationId = 0x44524D44;

    // The desktop program's default file: clinic.dermdesk in the user's application data folder.
    [[nodiscard]] static QString defaultPath();
    // The demo clinic's file beside it.
    [[nodiscard]] static QString defaultDemoPath();

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isInMemory() const { return m_path == memoryPath(); }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    // True when open() created the file (or memory database) just now: the clinic needs set-up.
    [[nodiscard]] bool wasCreated() const { return m_created; }
    // Where open() copied the file before migrating it; empty when no migration ran.
    [[nodiscard]] QString migrationBackupPath() const { return m_backupPath; }

    // For repositories only: the connection their queries run on.
    [[nodiscard]] QSqlDatabase connection() const;
    // For storage code that needs the SQLite C API (backup, raw benchmarks); null if unavailable.
    [[nodiscard]] sqlite3 *nativeHandle() const;

    // Writes a consistent copy of the whole database to `file` (which must not exist yet).
    Status backupTo(const QString &file) const;
    // Runs SQLite's integrity check; an Error names the first problem found.
    Status checkIntegrity() const;

private:
    Database(QString path, QString connectionName);

    Status configure(const Options &options);
    Status identify(bool created, int latestVersion);
    Status migrate(bool created, const QStringList &scripts);
    Status applyMigration(int version, const QString &script);

    QString m_path;
    QString m_connectionName;
    QString m_backupPath;
    int m_schemaVersion = 0;
    bool m_created = false;
};

} // namespace dermdesk
