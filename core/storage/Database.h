#pragma once

#include "Actor.h"
#include "StorageEngine.h"
#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct sqlite3;

namespace dermdesk {

class IntegrityCheck;

// One open clinic database: owns its connection, its storage engine (engine()) and its schema migrations. open()
// chooses the engine from the location's form: a clinic file's path opens on SQLite (SqliteEngine), a server address
// (postgresql://…, see ServerAddress) on PostgreSQL (PostgresEngine). Nothing outside core/storage asks which.
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
        // Open for reading only: the file is never written (no journal-mode change, no migration, no
        // creation) and every Transaction is refused. A read-only file can be opened this way.
        bool readOnly = false;
        // When an existing file's integrity (SQLite's quick_check) is verified.
        enum class Verification {
            // Before open() returns.
            BeforeOpening,
            // On a worker thread, for files larger than backgroundCheckAboveBytes (smaller ones are still
            // checked before open() returns); every Transaction waits until the check has passed.
            InBackground,
            // Not at all: only for a second connection to a file a Database of this program has checked
            // (openAgain()).
            AlreadyChecked,
        };
        Verification verification = Verification::BeforeOpening;
        qint64 backgroundCheckAboveBytes = 16LL * 1024 * 1024;
        // A damaged file is refused by open() unless this is set; then it is opened, every Transaction is
        // refused with the damage() error and the connection refuses writes (query_only).
        bool openDamaged = false;
    };

    // The path used for ":memory:" databases; such a database lives as long as its Database.
    static QString memoryPath();

    // Opens (and, when needed, creates or migrates) the clinic database at `path`.
    // A path in a missing folder, a folder, a device, a pipe, a file that is read-only (unless
    // Options::readOnly), locked, damaged (unless Options::openDamaged), not a DermDesk database or
    // written by a newer DermDesk is refused with an Error of kind Storage and is never modified.
    //
    // A server address opens the clinic in that database on the server, which must exist (the server's
    // administrator creates it: packaging/clinic-server.sh). An empty database is set up as a new clinic when
    // Options::createIfMissing (else refused as "empty"); an older schema is migrated (no copy is made first: the
    // server's own backups cover it); a database holding other tables, or a newer schema, is refused and left as
    // it was. A malformed address is the Invalid error "database"; a connection refused is a Storage error naming
    // the problem ("password", "unreachable", "missing_database", "connect"; PostgresEngine::connectionError).
    // Options::busyTimeoutMs bounds the wait for another desk's write, Options::readOnly makes every transaction
    // read-only; the file-only options (integrity verification, damaged files) do not apply.
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

    // The clinic file's path; on a server, its address without the password.
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isInMemory() const { return m_path == memoryPath(); }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    // True when open() created the file (or memory database) just now: the clinic needs set-up.
    [[nodiscard]] bool wasCreated() const { return m_created; }
    // Whether the clinic lives on a database server rather than in a file (for what only a file has: its folder,
    // its mode, a copy beside it).
    [[nodiscard]] bool isOnServer() const { return m_engine->kind() != StorageEngine::Kind::Sqlite; }
    // Where open() copied the file before migrating it; empty when no migration ran.
    [[nodiscard]] QString migrationBackupPath() const { return m_backupPath; }

    // For repositories only: the connection their queries run on.
    [[nodiscard]] QSqlDatabase connection() const;
    // What differs between engines (write transactions, new ids, errors, text search, change notification, backup,
    // schema inspection): repositories ask it instead of writing engine-specific SQL.
    [[nodiscard]] const StorageEngine &engine() const { return *m_engine; }
    // For storage code that needs the SQLite C API (fast cursors, raw benchmarks); null on another engine.
    [[nodiscard]] sqlite3 *nativeHandle() const;

    // Writes a consistent copy of the whole database to `file` (which must not exist yet; it is created
    // owner-only). A database found damaged is not copied (the damage() error). `watch` reports the progress and
    // may stop the copy (StorageEngine::BackupWatch); a copy that fails or is stopped leaves no file.
    Status backupTo(const QString &file, const StorageEngine::BackupWatch &watch = {}) const;

    // What opening this clinic again takes, as plain values that may be handed to another thread (openAgain()).
    struct Reopening
    {
        QString path;
        QString connectionName;
        bool onServer = false;
        int busyTimeoutMs = 5000;
    };
    [[nodiscard]] Reopening reopening() const;
    // Opens, on the calling thread (a worker's), a second connection to the clinic `reopening` describes, for reading
    // only and without migrating: a clinic file without checking it again (its first Database did), a server with
    // the first connection's address, settings and password (cloned from it, so the first Database must stay open
    // until this returns). The Database returned belongs to the calling thread.
    [[nodiscard]] static Result<std::unique_ptr<Database>> openAgain(const Reopening &reopening);
    // Runs SQLite's integrity check; an Error names the first problem found.
    Status checkIntegrity() const;

    // Whether the file was found sound. Checking while a background check (Verification::InBackground)
    // is still running; then integrityCheck() says when it ends.
    enum class Health {
        Sound,
        Checking,
        Damaged,
    };
    [[nodiscard]] Health health() const;
    // The damage found and what to do about it (naming the newest backup); only meaningful when Damaged.
    [[nodiscard]] Error damage() const;
    // The background check still running or finished; null when the file was checked before opening.
    [[nodiscard]] const IntegrityCheck *integrityCheck() const { return m_check.get(); }
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    // Whether a change may be written now: waits for a background check still running, and refuses
    // (Storage) a database opened read-only or found damaged. Every Transaction asks this first.
    [[nodiscard]] Status writable() const;

    // Who the audit log names for changes made through this connection; the operating-system account and host
    // until the clinic session says otherwise.
    [[nodiscard]] const Actor &actor() const { return m_actor; }
    void setActor(Actor actor) { m_actor = std::move(actor); }
    // Called on this thread right after every Transaction on this connection committed (the clinic session uses it
    // to announce the change). One observer at a time; an empty function removes it.
    void setCommitObserver(std::function<void()> observer) { m_commitObserver = std::move(observer); }
    // --- A clinic server that goes away ---
    // Whether the connection is up: false once the server dropped it (a restart, a network cut), until reconnect()
    // succeeds. Always true for a clinic file. While it is down every Transaction is refused at once (writable()
    // says nothing was saved) and reads fail with the Storage error "unreachable".
    [[nodiscard]] bool isConnected() const { return !m_connectionLoss; }
    // The error that showed the connection lost; only meaningful while !isConnected().
    [[nodiscard]] Error connectionLoss() const { return m_connectionLoss.value_or(Error()); }
    // Called on this thread once when the connection is found lost (a statement failed for it, or the change source
    // found the server silent), with the error that showed it; again only after reconnect() succeeded. It may be
    // called from inside a statement or a transaction: the observer must not use the Database then and there. One
    // observer at a time; an empty function removes it.
    void setConnectionLossObserver(std::function<void(const Error &)> observer)
    {
        m_lossObserver = std::move(observer);
    }
    // Opens the connection to the server again, under the same connection name and with the same address, settings
    // and subscription to other desks' changes (change sources made by engine().watchChanges() subscribe again and
    // take the change stamp as it is now: notifications sent meanwhile are lost, so the caller reloads what it
    // shows). Waits for the server at most `connectTimeoutSeconds`. A Storage error naming the problem when the
    // server still cannot be reached (the connection stays down). Does nothing, successfully, on a clinic file.
    Status reconnect(int connectTimeoutSeconds = 3);

    // For Transaction: a commit on this connection landed.
    void notifyCommitted() const
    {
        if (m_commitObserver)
            m_commitObserver();
    }

private:
    Database(QString path, QString connectionName);

    // The numbered migration scripts in `folder`, in order: 001_initial.sql, 002_....sql, ... Numbering must be
    // contiguous from 001; the first gap ends the list. The PostgreSQL scripts are in the subfolder "postgresql",
    // numbered as the SQLite ones.
    static QStringList migrationScripts(const QString &folder);
    static Result<std::unique_ptr<Database>> openServer(const QString &location, const Options &options);
    static Result<std::unique_ptr<Database>> openServerAgain(const Reopening &reopening);
    Status configure(const Options &options);
    Status configureServer(const Options &options);
    void connectionLost(const Error &error) const;
    Status identify(bool created, int latestVersion);
    Status migrate(bool created, const QStringList &scripts);
    // Applies migration `version` unless the stamp read under the write lock shows it applied already.
    Status applyMigration(int version, const QString &script, int latestVersion);
    Status verify(const Options &options, qint64 fileSize);
    void markDamaged(const QString &problem) const;

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<StorageEngine> m_engine;
    QString m_backupPath;
    int m_schemaVersion = 0;
    bool m_created = false;
    bool m_readOnly = false;
    std::unique_ptr<IntegrityCheck> m_check;
    Actor m_actor = Actor::ofThisComputer();
    std::function<void()> m_commitObserver;
    std::function<void(const Error &)> m_lossObserver;
    // Set while a server's connection is down; mutable because the loss is found by const readers.
    mutable std::optional<Error> m_connectionLoss;
    // What a server's connection was opened with, to open it again the same way (reconnect()).
    int m_busyTimeoutMs = 5000;
    // Set once damage is found; mutable because a background check's verdict is collected by const readers.
    mutable std::optional<Error> m_damage;
};

} // namespace dermdesk
