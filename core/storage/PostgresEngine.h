#pragma once

#include "ServerAddress.h"
#include "StorageEngine.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace dermdesk {

class PostgresChangeSource;

// The storage engine of a clinic kept on a PostgreSQL 15 server, shared by several desks. Database::open makes it
// once the connection (Qt's QPSQL driver, which is libpq) is open.
//
// - Writers queue as on SQLite: beginWrite() starts a READ COMMITTED transaction and takes the clinic's write lock (a
//   transaction-scoped advisory lock), so a desk's check-then-write (a booking's rules, a course of sessions, a
//   merge) sees every earlier commit and no other desk writes in between. Writers that name the rows they change
//   (WriteScope: a booking's patient, practitioner and room) share the clinic's lock and take turns on their rows'
//   locks only, so desks booking for different people commit at once. A desk waits for a lock at most the busy
//   timeout (lock_timeout), then gets "storage.locked". Writers that bypass the program (psql) are held to the same
//   rules by the schema itself: exclusion constraints refuse overlaps, triggers keep the append-only tables.
// - New ids come from INSERT … RETURNING id, never from lastval().
// - Errors are read from their SQLSTATE (mapError()).
// - Other desks' commits arrive as notifications on the channel `dermdesk_changes`, which the schema's triggers send
//   from every write, whoever the writer; a counter the same triggers advance (the sum of dermdesk_change.n, one row
//   per slot of connections so that desks writing at once do not wait on one row) is the change stamp and the
//   fallback when a notification was missed.
// - The schema version is the one row of dermdesk_schema; the migrations are resources/sql/postgresql/NNN_*.sql,
//   numbered as the SQLite ones.
// - A connection the server dropped (a restart, a network cut, pg_terminate_backend) is reported once, through the
//   `lost` function given at construction, as soon as a statement run through the engine fails for it or a change
//   source finds the server silent; Database::reconnect() opens the connection again and calls reconnected().
class PostgresEngine final : public StorageEngine
{
public:
    // The notification channel the schema's triggers notify on every commit that changed something a desk shows.
    static constexpr const char *changeChannel = "dermdesk_changes";
    // The key of the advisory lock that makes writers take turns (pg_advisory_xact_lock).
    static constexpr qint64 writeLockKey = 0x44524D44;

    // `lost` is called with the error that showed the connection lost, once per loss (until reconnected()).
    PostgresEngine(QString connectionName, ServerAddress address, bool readOnly,
                   std::function<void(const Error &)> lost = {});

    [[nodiscard]] Kind kind() const override { return Kind::PostgreSql; }
    [[nodiscard]] QString name() const override;

    [[nodiscard]] Status beginWrite(const WriteScope &scope) const override;
    [[nodiscard]] Status commit() const override;
    void rollback() const override;
    [[nodiscard]] bool holdsUncommittedWrites() const override;

    [[nodiscard]] Result<qint64> insert(QSqlQuery &prepared, const QString &what) const override;
    [[nodiscard]] Result<qint64> insertRow(const QString &sql, const QVariantList &values,
                                           const QString &what) const override;

    [[nodiscard]] Result<QList<qint64>> insertAll(const QString &table, const QStringList &columns,
                                                  const QVariantList &values, const QString &what) const override;
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
    [[nodiscard]] int bulkRows() const override { return 5000; }
    [[nodiscard]] Status insertRows(const QString &table, const QStringList &columns,
                                    const QVariantList &values) const override;

    // PostgreSQL's side of the error mapping, by SQLSTATE: the schema's refusals (exclusion constraints, append-only
    // triggers) as their Rule errors, a lost or refused connection, a full disk, a read-only transaction, a lock
    // wait that timed out, a serialization failure or deadlock. Used by error() and by sqlError().
    [[nodiscard]] static Error mapError(const QSqlError &error, const QString &what);
    // Whether `error` is one PostgreSQL reports (a five-character SQLSTATE) rather than SQLite.
    [[nodiscard]] static bool reported(const QSqlError &error);
    // A failed connection attempt (QSqlDatabase::open) as an Error naming the problem: the password ("password":
    // none given or a wrong one), the server ("unreachable"), the database ("missing_database"), the rest
    // ("connect"). `address` is shown without its password.
    [[nodiscard]] static Error connectionError(const QSqlError &error, const ServerAddress &address);

    // Whether `error` says the connection to the server is gone (Error "unreachable").
    [[nodiscard]] static bool isConnectionLoss(const Error &error);
    // Reports `error` through the `lost` function when it is a connection loss not reported yet; returns it.
    const Error &reportLoss(const Error &error) const;
    // Whether the server still answers on this connection (a `SELECT 1`); reports the loss when it does not.
    bool answers() const;
    // After Database::reconnect() opened the connection again: forgets the change bookkeeping of the dropped
    // connection, has every change source subscribe again (the driver still lists the old subscription) and take
    // the counter as it is now, and reports a later loss again.
    void reconnected() const;
    // For PostgresChangeSource: the sources to renew after a reconnection.
    void attach(PostgresChangeSource *source) const { m_sources.append(source); }
    void detach(PostgresChangeSource *source) const { m_sources.removeAll(source); }

    // The change counter as the schema keeps it (dermdesk_change.n); empty when it cannot be read.
    [[nodiscard]] std::optional<qint64> changeCounter() const;
    // The change counter up to which this connection knows every change: its own commits, and what the change
    // source has reported. A commit made here moves it by the writes it made, so another desk's commit meanwhile is
    // never taken for one of ours. -1 when unknown (every counter then reads as news).
    [[nodiscard]] qint64 accountedCounter() const { return m_accounted; }
    void setAccountedCounter(qint64 counter) const { m_accounted = counter; }

    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] const ServerAddress &address() const { return m_address; }

private:
    // Inserts whole rows of `table` sent as one JSON value (PostgresRows::json), through a kept statement; with
    // `rows` given, refuses an insert that added another number of rows. What copy-clinic and insertAll() share.
    [[nodiscard]] Status insertJson(const QString &table, const QStringList &columns, const QVariantList &values,
                                    const QString &what, std::optional<qsizetype> rows = std::nullopt) const;

    QString m_connectionName;
    ServerAddress m_address;
    bool m_readOnly = false;
    mutable qint64 m_accounted = -1;
    mutable bool m_counterExists = false;
    std::function<void(const Error &)> m_lost;
    mutable bool m_lossReported = false;
    mutable QList<PostgresChangeSource *> m_sources;
    // Per table a copy is filling (filling()): the statements that make its indexes and constraints again.
    mutable QHash<QString, QStringList> m_heldOff;
};

} // namespace dermdesk
