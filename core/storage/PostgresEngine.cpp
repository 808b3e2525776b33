#include "PostgresEngine.h"

#include "ClinicCopy.h"
#include "PostgresChangeSource.h"
#include "PostgresTextSearch.h"
#include "SqlError.h"
#include "TextQuery.h"
#include "common/Translation.h"

#include <algorithm>
#include <iterator>

#include <QDir>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PostgresEngine");

// The SQLSTATE of a failed statement ("23P01"); empty when the driver gave none.
QString sqlState(const QSqlError &error)
{
    return error.nativeErrorCode().trimmed();
}

QString driverText(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // libpq writes its hints on lines of their own, indented with a tab: one line reads better in a message.
    return text.simplified();
}

// What libpq says, without an SQLSTATE, when the server or the network dropped the connection.
bool saysConnectionLost(const QString &text)
{
    static const char *const phrases[] = {
        "server closed the connection unexpectedly",
        "no connection to the server",
        "connection not open",
        "could not send data to server",
        "could not receive data from server",
        "SSL connection has been closed unexpectedly",
        "terminating connection",
        "lost synchronization with server",
    };
    return std::any_of(std::begin(phrases), std::end(phrases),
                       [&text](const char *phrase) { return text.contains(QLatin1String(phrase)); });
}

// Where a dollar-quoted body that starts at `at` ("$$" or "$tag$") ends, just past its closing tag; -1 when `at`
// does not start a dollar quote.
qsizetype dollarQuoteEnd(const QString &script, qsizetype at)
{
    qsizetype tagEnd = at + 1;
    while (tagEnd < script.size() && (script.at(tagEnd).isLetterOrNumber() || script.at(tagEnd) == QLatin1Char('_')))
        ++tagEnd;
    if (tagEnd >= script.size() || script.at(tagEnd) != QLatin1Char('$'))
        return -1;
    if (tagEnd > at + 1 && script.at(at + 1).isDigit())
        return -1; // $1 is a parameter, not a tag
    const QString tag = script.mid(at, tagEnd - at + 1);
    const qsizetype close = script.indexOf(tag, tagEnd + 1);
    return close < 0 ? script.size() : close + tag.size();
}

} // namespace

PostgresEngine::PostgresEngine(QString connectionName, ServerAddress address, bool readOnly,
                               std::function<void(const Error &)> lost)
    : m_connectionName(std::move(connectionName))
    , m_address(std::move(address))
    , m_readOnly(readOnly)
    , m_lost(std::move(lost))
{
}

QString PostgresEngine::name() const
{
    return QStringLiteral("PostgreSQL");
}

QSqlDatabase PostgresEngine::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

std::optional<qint64> PostgresEngine::changeCounter() const
{
    QSqlQuery query(connection());
    // Asked first, not tried: a failed statement would abort the transaction it runs in (a migration creating the
    // schema runs before the counter exists).
    if (!m_counterExists) {
        if (!query.exec(QStringLiteral("SELECT to_regclass('dermdesk_change') IS NOT NULL")) || !query.next()
            || !query.value(0).toBool())
            return std::nullopt;
        m_counterExists = true;
    }
    // The sum of the desks' counters (one row per slot, see 011_desk_counters.sql): it grows with every commit.
    if (!query.exec(QStringLiteral("SELECT sum(n) FROM dermdesk_change")) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

namespace {

// The two keys of the advisory lock on row `id` of `table` (pg_advisory_xact_lock(int, int)): the table's name as
// a number every desk computes alike (FNV-1a), and the id, folded into 32 bits.
std::pair<qint32, qint32> rowLockKeys(const QString &table, qint64 id)
{
    quint32 hash = 2166136261u;
    for (const char byte : table.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return {qint32(hash & 0x7fffffff), qint32(quint32(id) ^ quint32(quint64(id) >> 32))};
}

} // namespace

Status PostgresEngine::beginWrite(const WriteScope &scope) const
{
    // The clinic's write lock, held until the transaction ends: a writer of the whole clinic takes turns with every
    // other writer, as on a clinic file; writers of named rows share it and take turns on their rows' own locks,
    // taken in one order (WriteScope::rows) so that no two desks wait for each other in a circle. The target list is
    // evaluated in order. All is sent with BEGIN in one round trip: the server runs the statements in order and
    // stops at the first that fails; each has its result, read in turn.
    QStringList statements{QStringLiteral("BEGIN")};
    if (scope.isWholeClinic()) {
        statements.append(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(writeLockKey));
    } else {
        QStringList calls{QStringLiteral("pg_advisory_xact_lock_shared(%1)").arg(writeLockKey)};
        for (const auto &[table, id] : scope.rows()) {
            const auto [space, key] = rowLockKeys(table, id);
            calls.append(QStringLiteral("pg_advisory_xact_lock(%1, %2)").arg(space).arg(key));
        }
        // A write of named rows reads and writes a handful of rows by their keys and a short time around them: its
        // statements keep the plan made once per connection rather than being planned again for their values.
        statements.append(QStringLiteral("SET LOCAL plan_cache_mode = force_generic_plan"));
        statements.append(QStringLiteral("SELECT ") + calls.join(QStringLiteral(", ")));
    }
    QSqlQuery query(connection());
    const QString what = tr("Starting a change");
    if (!query.exec(statements.join(QStringLiteral("; "))))
        return reportLoss(mapError(query.lastError(), what));
    for (qsizetype i = 1; i < statements.size(); ++i) {
        if (!query.nextResult()) {
            const Error error = reportLoss(mapError(query.lastError(), what));
            rollback();
            return error;
        }
    }
    return {};
}

Status PostgresEngine::commit() const
{
    // How far this transaction moved the change counter (the schema's triggers set dermdesk.writes to 1 at its first
    // write), asked in the same round trip as the COMMIT. The question fails only in a transaction a failed statement
    // has spoilt, and then the server runs nothing after it: the change is refused and rolled back, never taken as
    // saved.
    std::optional<qint64> ownChanges;
    QSqlQuery query(connection());
    bool committed = query.exec(
        QStringLiteral("SELECT coalesce(nullif(current_setting('dermdesk.writes', true), ''), '0'); COMMIT"));
    if (committed) {
        if (query.next())
            ownChanges = query.value(0).toLongLong();
        committed = query.nextResult();
    }
    if (!committed) {
        const QString what = tr("Saving the change");
        Error error = mapError(query.lastError(), what);
        // The server may have committed before the connection dropped, or not: the caller must not take the change
        // as done, and what the clinic holds shows once the connection is back.
        if (isConnectionLoss(error))
            error = Error::storage(QStringLiteral("unreachable"),
                                   tr("%1: the connection to the clinic server was lost before the server confirmed "
                                      "the change. Do not take it as saved: once the server answers again, the "
                                      "clinic shows whether it was.")
                                       .arg(what));
        // Ends what the failed statement left open (after a failed COMMIT the server has ended it already).
        rollback();
        return reportLoss(error);
    }
    // Other desks' commits meanwhile stay unaccounted, so the change source still reports them.
    if (m_accounted >= 0) {
        if (ownChanges)
            m_accounted += *ownChanges;
        else
            m_accounted = -1;
    }
    return {};
}

void PostgresEngine::rollback() const
{
    QSqlQuery query(connection());
    query.exec(QStringLiteral("ROLLBACK"));
}

bool PostgresEngine::holdsUncommittedWrites() const
{
    // A transaction is given an id by its first write.
    QSqlQuery query(connection());
    return query.exec(QStringLiteral("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")) && query.next()
           && query.value(0).toBool();
}

Result<qint64> PostgresEngine::insert(QSqlQuery &prepared, const QString &what) const
{
    const QVariantList values = prepared.boundValues();
    // The caller's statement never runs here, so Qt would go on counting the values it adds next after these (it
    // starts again from the first placeholder only when a statement runs): prepared anew, a caller that inserts
    // row after row with one statement binds each row from the first placeholder, as after an exec().
    if (!prepared.prepare(prepared.lastQuery()))
        return mapError(prepared.lastError(), what);
    return insertRow(prepared.lastQuery(), values, what);
}

Result<qint64> PostgresEngine::insertRow(const QString &sql, const QVariantList &values, const QString &what) const
{
    // The same statement with RETURNING id: lastval() would name a sequence value used up by an insert that failed
    // or by a trigger's own insert.
    Statement statement(statements(), connection(), sql.trimmed() + QStringLiteral(" RETURNING id"));
    QSqlQuery &returning = *statement;
    for (const QVariant &value : values)
        returning.addBindValue(value);
    if (!returning.exec())
        return reportLoss(mapError(returning.lastError(), what));
    if (!returning.next())
        return Error::storage(QStringLiteral("no_row"), tr("%1: the database added no row.").arg(what));
    return returning.value(0).toLongLong();
}

Error PostgresEngine::error(const QSqlError &error, const QString &what) const
{
    return reportLoss(mapError(error, what));
}

bool PostgresEngine::reported(const QSqlError &error)
{
    const QString state = sqlState(error);
    return state.size() == 5 || (state.isEmpty() && saysConnectionLost(driverText(error)));
}

bool PostgresEngine::isConnectionLoss(const Error &error)
{
    return error.kind() == ErrorKind::Storage && error.code() == QLatin1String("storage.unreachable");
}

const Error &PostgresEngine::reportLoss(const Error &error) const
{
    if (isConnectionLoss(error) && !m_lossReported) {
        m_lossReported = true;
        if (m_lost)
            m_lost(error);
    }
    return error;
}

bool PostgresEngine::answers() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("SELECT 1")))
        return true;
    Error error = mapError(query.lastError(), tr("Reading the clinic"));
    if (!isConnectionLoss(error) && !connection().isOpen())
        error = Error::storage(QStringLiteral("unreachable"), tr("The connection to the clinic server is closed."));
    reportLoss(error);
    return !isConnectionLoss(error);
}

void PostgresEngine::reconnected() const
{
    m_counterExists = false;
    m_accounted = changeCounter().value_or(-1);
    m_lossReported = false;
    const QList<PostgresChangeSource *> sources = m_sources;
    for (PostgresChangeSource *source : sources)
        source->resubscribe();
}

Error PostgresEngine::mapError(const QSqlError &error, const QString &what)
{
    if (std::optional<Error> refusal = schemaRefusal(error))
        return *refusal;
    const QString state = sqlState(error);
    const QString text = driverText(error);
    const QString stateClass = state.left(2);
    if (state == QLatin1String("55P03") || state == QLatin1String("57014"))
        return Error::storage(QStringLiteral("locked"),
                              tr("%1: another desk held the clinic for too long. Try again in a moment.").arg(what));
    if (state == QLatin1String("40001") || state == QLatin1String("40P01"))
        return Error::storage(QStringLiteral("conflict"),
                              tr("%1: another desk changed the same records at the same moment, so nothing was "
                                 "saved. Try again.")
                                  .arg(what));
    if (stateClass == QLatin1String("08") || state == QLatin1String("57P01") || state == QLatin1String("57P02")
        || state == QLatin1String("57P03")
        || (state.isEmpty() && (error.type() == QSqlError::ConnectionError || saysConnectionLost(text))))
        return Error::storage(QStringLiteral("unreachable"),
                              tr("%1: the connection to the clinic server was lost, so nothing was saved (%2).")
                                  .arg(what, text));
    if (state == QLatin1String("53100"))
        return Error::storage(QStringLiteral("disk_full"), tr("%1: the clinic server's disk is full.").arg(what));
    if (state == QLatin1String("25006"))
        return Error::storage(QStringLiteral("read_only"), tr("%1: the clinic was opened for reading only.").arg(what));
    if (stateClass == QLatin1String("23"))
        return Error::invalidInput(QStringLiteral("constraint"),
                                   tr("%1: the database refused the change (%2).").arg(what, text));
    if (stateClass == QLatin1String("XX"))
        return Error::storage(QStringLiteral("corrupt"),
                              tr("%1: the clinic server reported damage (%2).").arg(what, text));
    return Error::storage(QStringLiteral("sql"), tr("%1 failed: %2").arg(what, text));
}

Error PostgresEngine::connectionError(const QSqlError &error, const ServerAddress &address)
{
    const QString text = driverText(error);
    const QString shown = address.display();
    if (text.contains(QLatin1String("password authentication failed"))
        || text.contains(QLatin1String("no password supplied")) || text.contains(QLatin1String("password is required")))
        return Error::storage(QStringLiteral("password"),
                              address.hasPassword()
                                  ? tr("The clinic server %1 refused the password for %2.")
                                        .arg(shown, address.user().isEmpty() ? tr("this user") : address.user())
                                  : tr("The clinic server %1 asks for a password.").arg(shown));
    if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database")))
        return Error::storage(QStringLiteral("missing_database"),
                              tr("The clinic server has no database named \"%1\" (%2). Create it first, or check "
                                 "the name.")
                                  .arg(address.database(), shown));
    if (text.contains(QLatin1String("could not connect")) || text.contains(QLatin1String("Connection refused"))
        || text.contains(QLatin1String("could not translate host name"))
        || text.contains(QLatin1String("timeout expired")) || text.contains(QLatin1String("No such file"))
        || text.contains(QLatin1String("Network is unreachable")) || text.contains(QLatin1String("No route")))
        return Error::storage(QStringLiteral("unreachable"),
                              tr("The clinic server %1 cannot be reached: %2").arg(shown, text));
    return Error::storage(QStringLiteral("connect"),
                          tr("Connecting to the clinic server %1 failed: %2").arg(shown, text));
}

QString PostgresEngine::textCondition(const QString &index, const QString &alias) const
{
    return PostgresTextSearch::textCondition(index, alias);
}

QVariant PostgresEngine::textPattern(const TextQuery &query) const
{
    return PostgresTextSearch::textPattern(query);
}

QString PostgresEngine::textKey(const QString &alias) const
{
    return PostgresTextSearch::textKey(alias);
}

Status PostgresEngine::rebuildTextIndex(const QString &index, const QString &source, const QStringList &columns) const
{
    return PostgresTextSearch::rebuildTextIndex(*this, connection(), index, source, columns);
}

std::unique_ptr<ChangeSource> PostgresEngine::watchChanges(int intervalMs) const
{
    return std::make_unique<PostgresChangeSource>(*this, intervalMs);
}

Status PostgresEngine::backupTo(const QString &file, const BackupWatch &watch) const
{
    // A clinic file written by copying every table: the copy is proven (row counts, checksums) before it is kept.
    ClinicCopy copy(*this, connection());
    copy.setProgress(watch.progress);
    copy.setCancelled(watch.cancelled);
    const auto copied = copy.intoNewFile(file);
    if (!copied)
        return copied.error();
    return {};
}

Result<StorageEngine::SchemaStamp> PostgresEngine::schemaStamp() const
{
    QSqlQuery query(connection());
    const QString what = tr("Reading the clinic on %1").arg(m_address.display());
    SchemaStamp stamp;
    if (!query.exec(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                   "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f')"))
        || !query.next())
        return mapError(query.lastError(), what);
    stamp.objects = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT to_regclass('dermdesk_schema') IS NOT NULL")) || !query.next())
        return mapError(query.lastError(), what);
    if (!query.value(0).toBool())
        return stamp;
    if (!query.exec(QStringLiteral("SELECT application_id, version FROM dermdesk_schema")))
        return mapError(query.lastError(), what);
    if (query.next()) {
        stamp.applicationId = query.value(0).toInt();
        stamp.version = query.value(1).toInt();
    }
    return stamp;
}

Status PostgresEngine::setSchemaVersion(int version) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("UPDATE dermdesk_schema SET version = ?"));
    query.addBindValue(version);
    if (!query.exec())
        return mapError(query.lastError(), tr("Recording schema version %1").arg(version));
    if (query.numRowsAffected() != 1)
        return Error::storage(QStringLiteral("migration"),
                              tr("Recording schema version %1: the schema table holds no row.").arg(version));
    return {};
}

QStringList PostgresEngine::scriptStatements(const QString &script) const
{
    QStringList statements;
    qsizetype start = 0;
    qsizetype at = 0;
    const qsizetype size = script.size();
    const auto flush = [&](qsizetype end) {
        const QString statement = script.mid(start, end - start).trimmed();
        // A piece holding only comments is no statement.
        QString code = statement;
        code.remove(QRegularExpression(QStringLiteral("--[^\\n]*")));
        if (!code.trimmed().isEmpty())
            statements.append(statement);
        start = end + 1;
    };
    while (at < size) {
        const QChar c = script.at(at);
        if (c == QLatin1Char('-') && at + 1 < size && script.at(at + 1) == QLatin1Char('-')) {
            const qsizetype end = script.indexOf(QLatin1Char('\n'), at);
            at = end < 0 ? size : end + 1;
        } else if (c == QLatin1Char('/') && at + 1 < size && script.at(at + 1) == QLatin1Char('*')) {
            const qsizetype end = script.indexOf(QLatin1String("*/"), at + 2);
            at = end < 0 ? size : end + 2;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            qsizetype end = at + 1;
            while (end < size) {
                if (script.at(end) == c) {
                    if (end + 1 < size && script.at(end + 1) == c) {
                        end += 2;
                        continue;
                    }
                    break;
                }
                ++end;
            }
            at = end + 1;
        } else if (c == QLatin1Char('$') && dollarQuoteEnd(script, at) >= 0) {
            at = dollarQuoteEnd(script, at);
        } else if (c == QLatin1Char(';')) {
            flush(at);
            ++at;
        } else {
            ++at;
        }
    }
    if (start < size)
        flush(size);
    return statements;
}

Result<QStringList> PostgresEngine::tables() const
{
    QSqlQuery query(connection());
    // dermdesk_schema and dermdesk_change are this engine's bookkeeping, as SQLite's user_version and data_version;
    // dermdesk_setup_change is the database's own on both engines.
    if (!query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                   "current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN "
                                   "('dermdesk_schema', 'dermdesk_change', 'dermdesk_setup_change') "
                                   "ORDER BY table_name COLLATE \"C\"")))
        return mapError(query.lastError(), tr("Listing the clinic's tables"));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

Result<QStringList> PostgresEngine::columns(const QString &table) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                 "current_schema() AND table_name = ? ORDER BY ordinal_position"));
    query.addBindValue(table);
    if (!query.exec())
        return mapError(query.lastError(), tr("Reading the columns of %1").arg(table));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

} // namespace dermdesk
