#pragma once

#include "StorageEngine.h"

#include <QSqlDatabase>

struct sqlite3;

namespace dermdesk {

// The storage engine of a clinic kept in one SQLite file (or in memory, for tests): WAL journal, BEGIN IMMEDIATE
// writes, rowid ids, FTS5 text indexes, PRAGMA data_version for commits by other connections, VACUUM INTO backups,
// PRAGMA user_version for the schema version. Database::open makes it once the connection is open.
class SqliteEngine final : public StorageEngine
{
public:
    // Works on the Qt connection named `connectionName`, open on `path` (Database::memoryPath() for a memory
    // database). `readOnly`: the connection was opened for reading only (query_only); a backup still reads it.
    SqliteEngine(QString connectionName, QString path, bool readOnly);

    [[nodiscard]] Kind kind() const override { return Kind::Sqlite; }
    [[nodiscard]] QString name() const override;

    [[nodiscard]] Status beginWrite(const WriteScope &scope) const override;
    [[nodiscard]] Status commit() const override;
    void rollback() const override;
    [[nodiscard]] bool holdsUncommittedWrites() const override;

    [[nodiscard]] Result<qint64> insert(QSqlQuery &prepared, const QString &what) const override;
    [[nodiscard]] Result<qint64> insertRow(const QString &sql, const QVariantList &values,
                                           const QString &what) const override;

    [[nodiscard]] Error error(const QSqlError &error, const QString &what) const override;

    [[nodiscard]] QString textCondition(const QString &index, const QString &alias) const override;
    [[nodiscard]] QVariant textPattern(const TextQuery &query) const override;
    [[nodiscard]] QString textKey(const QString &alias) const override;
    [[nodiscard]] Status rebuildTextIndex(const QString &index, const QString &source,
                                          const QStringList &columns) const override;

    [[nodiscard]] std::unique_ptr<ChangeSource> watchChanges(int intervalMs) const override;

    [[nodiscard]] Status backupTo(const QString &file, const BackupWatch &watch) const override;

    [[nodiscard]] Result<SchemaStamp> schemaStamp() const override;
    [[nodiscard]] Status setSchemaVersion(int version) const override;
    [[nodiscard]] QStringList scriptStatements(const QString &script) const override;
    [[nodiscard]] Result<QStringList> tables() const override;
    [[nodiscard]] Result<QStringList> columns(const QString &table) const override;
    [[nodiscard]] Result<QList<Reference>> references(const QString &table) const override;
    [[nodiscard]] Status beginSnapshot() const override;
    [[nodiscard]] Status removeAllRows(const QString &table) const override;
    [[nodiscard]] Status filling(const QString &table, bool filling) const override;
    [[nodiscard]] Status afterExplicitIds(const QString &table) const override;

    // SQLite's side of the error mapping: result codes (busy, locked, full, read-only, corrupt, constraint). Used by
    // error() and by sqlError() for errors a SQLite driver reported.
    [[nodiscard]] static Error mapError(const QSqlError &error, const QString &what);

    // The connection's SQLite C API handle, for storage code that steps statements itself; null if unavailable.
    [[nodiscard]] sqlite3 *handle() const;
    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    QString m_connectionName;
    QString m_path;
    bool m_readOnly = false;
};

} // namespace dermdesk
