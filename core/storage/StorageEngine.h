#pragma once

#include "Statement.h"
#include "WriteScope.h"
#include "common/Result.h"

#include <QList>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;

namespace dermdesk {

class ChangeSource;
class TextQuery;

// Everything about storing a clinic that differs between database engines, behind one interface: repositories
// write portable SQL on Database::connection() and ask Database::engine() for the rest. SqliteEngine serves a clinic
// file; a server engine (PostgreSQL) implements the same calls. Which engine a clinic uses is decided in one place,
// ClinicSession::open; nothing outside core/storage asks which engine it has.
//
// An engine belongs to one Database, works on that Database's connection and, like it, on the thread that opened
// it. Every `what` argument names the operation for a person ("Saving the patient") and starts the message of an
// Error the call returns.
class StorageEngine
{
public:
    // Which engine this is: for reports and tests only, never to choose SQL (ask the engine instead).
    enum class Kind {
        Sqlite,
        PostgreSql,
    };

    // What identifies a database as a DermDesk clinic and its schema version (see schemaStamp()).
    struct SchemaStamp
    {
        // DermDesk's stamp (Database::applicationId); 0 on a database nothing has stamped.
        int applicationId = 0;
        // The number of the last migration applied; 0 before the first.
        int version = 0;
        // How many tables, indexes, views and triggers the schema holds; 0 for an empty database.
        int objects = 0;
    };

    virtual ~StorageEngine() = default;
    StorageEngine(const StorageEngine &) = delete;
    StorageEngine &operator=(const StorageEngine &) = delete;

    [[nodiscard]] virtual Kind kind() const = 0;
    // The engine's name as a person knows it ("SQLite").
    [[nodiscard]] virtual QString name() const = 0;

    // --- Write transactions (Transaction calls these; nothing else does) ---

    // Starts a write transaction that holds the right to write from its start, so two desks writing at once queue
    // behind each other (for up to the busy timeout, then Error "storage.locked") instead of one failing half-way
    // through. SQLite: BEGIN IMMEDIATE (a plain BEGIN takes the write lock only at the first write, and fails then
    // under a concurrent writer in WAL mode). A server lets writers of different rows (`scope`) write at once.
    [[nodiscard]] virtual Status beginWrite(const WriteScope &scope) const = 0;
    [[nodiscard]] virtual Status commit() const = 0;
    // Undoes the transaction begun; never fails in a way the caller could act on.
    virtual void rollback() const = 0;
    // Whether the connection holds writes not committed yet (inside a transaction that has written): what it reads
    // may then be undone by a rollback. Asked by caches that must not keep such a read (ScheduleSetupCache), not by
    // Transaction. False when it cannot tell, as when the connection is gone (and its transaction with it).
    [[nodiscard]] virtual bool holdsUncommittedWrites() const = 0;

    // --- New rows ---

    // Runs `prepared`, an INSERT of one row into a table keyed by an integer `id` (values bound, no RETURNING
    // clause), and returns the new row's id. A failed insert, or one that inserted no row (OR IGNORE), is an Error:
    // never an id of an earlier row. SQLite reads the connection's last inserted rowid right after the statement; a
    // server engine runs the statement as INSERT … RETURNING id.
    [[nodiscard]] virtual Result<qint64> insert(QSqlQuery &prepared, const QString &what) const = 0;
    // The same for the INSERT `sql` with `values` for its placeholders, run as a kept Statement: for inserts a desk
    // makes again and again (a booking's), where a server saves the round trips of preparing and freeing.
    [[nodiscard]] virtual Result<qint64> insertRow(const QString &sql, const QVariantList &values,
                                                   const QString &what) const = 0;
    // Inserts rows into `table`, keyed by an integer `id` the table hands out, and returns their new ids in row order,
    // each larger than the one before (as insertRow() called row after row hands them out). `values` holds the rows'
    // values one row after another, a value per column of `columns` (the id not among them). Runs in the caller's
    // write transaction; a failure leaves some rows inserted, for the caller's rollback. SQLite inserts them row by
    // row with one kept statement; a server reserves the ids in one statement and sends the rows as one value, in
    // batches of bulkRows() (its triggers then run once per statement where they are statement triggers).
    [[nodiscard]] virtual Result<QList<qint64>> insertAll(const QString &table, const QStringList &columns,
                                                          const QVariantList &values, const QString &what) const;
    // For a form that adds or edits one row: when `id` is 0, `prepared` is an INSERT run as insert() does;
    // otherwise a statement that changes row `id` (an UPDATE), run as it is. Returns the row's id: the new one, or
    // `id`. Whether an UPDATE found its row is the caller's to ask (prepared.numRowsAffected()).
    [[nodiscard]] Result<qint64> save(QSqlQuery &prepared, qint64 id, const QString &what) const;

    // --- Errors ---

    // A failed statement's error as an Error a person can act on: the refusals the schema raises itself (overlaps,
    // the append-only audit log) become Rule errors naming the rule, as on every engine; a locked or busy database,
    // a full disk, a read-only or damaged file become Storage errors that say so. See sqlError().
    [[nodiscard]] virtual Error error(const QSqlError &error, const QString &what) const = 0;

    // --- Full-text search ---
    // A text index is a table of documents, one per row of what it describes, kept in step by the schema (triggers);
    // its text columns fold case and accents and split words. Its key column (textKey()) holds the described row's id.

    // An SQL condition on the text index table `index` (named `alias` in the FROM clause) that holds for the
    // documents matching the bound value textPattern(query); it holds exactly one '?'.
    [[nodiscard]] virtual QString textCondition(const QString &index, const QString &alias) const = 0;
    // The value to bind to textCondition()'s '?' for `query`.
    [[nodiscard]] virtual QVariant textPattern(const TextQuery &query) const = 0;
    // The column expression of the index (named `alias`) holding the described row's id, in an SQL expression.
    [[nodiscard]] virtual QString textKey(const QString &alias) const = 0;
    // Fills the text index `index` again from `source`, a view with an `id` column and the index's `columns`
    // (after bulk writes that bypassed the triggers), and compacts it. Runs in the caller's write transaction.
    [[nodiscard]] virtual Status rebuildTextIndex(const QString &index, const QString &source,
                                                  const QStringList &columns) const = 0;

    // --- Change notification ---

    // A new source that emits ChangeSource::changed() when another connection or program commits to this clinic,
    // checking every `intervalMs` milliseconds at most (sooner when the engine is told, e.g. a file write or a
    // server notification). Commits made through this engine's own connection are not reported by it.
    [[nodiscard]] virtual std::unique_ptr<ChangeSource> watchChanges(int intervalMs) const = 0;

    // --- Backup ---

    // What a backup reports while it runs, and how it is stopped; both are called on the thread writing the backup.
    struct BackupWatch
    {
        // A table being copied, its rows copied so far and its rows in all (a server's copy reports table by table; a
        // file's copy, made in one piece, reports nothing).
        std::function<void(const QString &table, qint64 copied, qint64 rows)> progress;
        // Asked while the copy runs: once it returns true the copy stops and fails with the Storage error
        // "cancelled".
        std::function<bool()> cancelled;
    };

    // Writes a consistent copy of the whole clinic into `file`, an empty owner-only file the caller has created
    // (Database::backupTo checks the target and the clinic's health first). The copy opens as a clinic file.
    [[nodiscard]] virtual Status backupTo(const QString &file, const BackupWatch &watch) const = 0;

    // --- Schema inspection ---

    // Reads the stamp; a damaged file is the Storage error "corrupt" naming the problem and the newest backup.
    [[nodiscard]] virtual Result<SchemaStamp> schemaStamp() const = 0;
    // Records `version` as the schema version, inside the migration's write transaction.
    [[nodiscard]] virtual Status setSchemaVersion(int version) const = 0;
    // The statements of a migration script, in order, each complete (trigger bodies kept whole).
    [[nodiscard]] virtual QStringList scriptStatements(const QString &script) const = 0;
    // The clinic's tables, in name order: the schema's own tables and text indexes, not the engine's bookkeeping
    // (SQLite's sqlite_* tables, the shadow tables behind a text index).
    [[nodiscard]] virtual Result<QStringList> tables() const = 0;
    // The columns of `table`, in their order; empty for a table that does not exist.
    [[nodiscard]] virtual Result<QStringList> columns(const QString &table) const = 0;

    // --- Copying a whole clinic (ClinicCopy) ---

    // A foreign key: `column` holds ids of rows of `table`.
    struct Reference
    {
        QString column;
        QString table;
    };
    // The foreign keys of `table`, in column order; a table may refer to itself.
    [[nodiscard]] virtual Result<QList<Reference>> references(const QString &table) const = 0;
    // Starts a transaction that only reads, in which every read sees the clinic as it was at the first one while
    // other desks go on writing (SQLite: a deferred BEGIN, a snapshot in WAL mode; a server: REPEATABLE READ).
    // rollback() ends it.
    [[nodiscard]] virtual Status beginSnapshot() const = 0;
    // Removes every row of `table`, the append-only tables' included (whose triggers refuse a delete at any other
    // time). Only for a clinic created to receive a copy, inside the copy's write transaction.
    [[nodiscard]] virtual Status removeAllRows(const QString &table) const = 0;
    // Around the rows a copy inserts into `table` (filling: true before, false after, in the copy's write
    // transaction): the copy brings the columns the table's triggers would derive, row by row, so an engine may hold
    // those triggers off meanwhile (a server does; the text index is rebuilt afterwards). Constraints (references,
    // checks, overlaps where they are constraints) hold for every row by the time filling(false) returns: an engine
    // may check them once over all the rows then, and build the table's indexes then (a server does). SQLite keeps its
    // triggers: they guard its rules.
    [[nodiscard]] virtual Status filling(const QString &table, bool filling) const = 0;
    // How many rows insertRows() takes at once; 0 when the engine has no such form (SQLite: a copy inserts its rows
    // with multi-row INSERTs, a value bound per column).
    [[nodiscard]] virtual int bulkRows() const { return 0; }
    // Inserts whole rows into `table` in one statement, for a copy: `values` holds their values one row after
    // another, a value per column of `columns`, ids included. Only where bulkRows() is not 0. A server sends the rows
    // as one value instead of one per column (rebuilding a statement of hundreds of values costs it more than the
    // rows themselves).
    [[nodiscard]] virtual Status insertRows(const QString &table, const QStringList &columns,
                                            const QVariantList &values) const;
    // After rows were inserted into `table` (keyed by an integer `id`) with their ids given: the ids insert() hands
    // out next come after them. SQLite needs nothing (a new rowid is one past the largest); a server moves the
    // table's id sequence. Runs in the caller's write transaction.
    [[nodiscard]] virtual Status afterExplicitIds(const QString &table) const = 0;

    // --- Statements kept for running again (Statement) ---

    // The statements prepared on this engine's connection; cleared before the connection closes or reconnects.
    [[nodiscard]] StatementCache &statements() const { return m_statements; }

protected:
    StorageEngine() = default;

private:
    mutable StatementCache m_statements;
};

} // namespace dermdesk
