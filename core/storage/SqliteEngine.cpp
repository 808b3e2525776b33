#include "SqliteEngine.h"

#include "ChangeWatcher.h"
#include "Database.h"
#include "DatabaseFile.h"
#include "SqlError.h"
#include "TextQuery.h"
#include "common/Translation.h"

#include <QDir>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::SqliteEngine");

// `text` as an FTS5 string: double quotes doubled, the whole in double quotes.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// `query` in FTS5's query syntax. Combinations are parenthesised, words are not (a column filter binds to its
// phrase); FTS5's NOT is binary ("a NOT b"), as ButNot is.
QString fts5(const TextQuery &query)
{
    const auto part = [](const TextQuery &inner) {
        const QString text = fts5(inner);
        return inner.operation() == TextQuery::Operation::Word ? text : QLatin1Char('(') + text + QLatin1Char(')');
    };
    switch (query.operation()) {
    case TextQuery::Operation::Word: {
        const QString columns = query.columns().size() == 1
                                    ? query.columns().constFirst()
                                    : QLatin1Char('{') + query.columns().join(QLatin1Char(' ')) + QLatin1Char('}');
        return columns + QStringLiteral(" : ") + quoted(query.text())
               + (query.extent() == TextQuery::Extent::WordStart ? QStringLiteral("*") : QString());
    }
    case TextQuery::Operation::AllOf:
    case TextQuery::Operation::AnyOf: {
        QStringList parts;
        for (const TextQuery &inner : query.parts())
            parts.append(part(inner));
        return parts.join(query.operation() == TextQuery::Operation::AllOf ? QStringLiteral(" AND ")
                                                                           : QStringLiteral(" OR "));
    }
    case TextQuery::Operation::ButNot:
        return part(query.parts().at(0)) + QStringLiteral(" NOT ") + part(query.parts().at(1));
    }
    return {};
}

bool onlyComments(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    return std::all_of(lines.cbegin(), lines.cend(), [](const QString &line) {
        const QString trimmed = line.trimmed();
        return trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"));
    });
}

} // namespace

SqliteEngine::SqliteEngine(QString connectionName, QString path, bool readOnly)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_readOnly(readOnly)
{
}

QString SqliteEngine::name() const
{
    return QStringLiteral("SQLite");
}

QSqlDatabase SqliteEngine::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *SqliteEngine::handle() const
{
    const QSqlDatabase db = connection();
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

Status SqliteEngine::beginWrite(const WriteScope &) const
{
    // A clinic file has one writer at a time, whatever the scope.
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return mapError(query.lastError(), tr("Starting a change"));
    return {};
}

Status SqliteEngine::commit() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("COMMIT")))
        return mapError(query.lastError(), tr("Saving the change"));
    return {};
}

void SqliteEngine::rollback() const
{
    QSqlQuery query(connection());
    query.exec(QStringLiteral("ROLLBACK"));
}

bool SqliteEngine::holdsUncommittedWrites() const
{
    sqlite3 *db = handle();
    return db != nullptr && sqlite3_txn_state(db, "main") == SQLITE_TXN_WRITE;
}

Result<qint64> SqliteEngine::insert(QSqlQuery &prepared, const QString &what) const
{
    if (!prepared.exec())
        return mapError(prepared.lastError(), what);
    // The last inserted rowid belongs to the connection, not to the statement: after an insert that added no row it
    // still names the row an earlier statement added.
    const QVariant id = prepared.numRowsAffected() == 1 ? prepared.lastInsertId() : QVariant();
    if (!id.isValid())
        return Error::storage(QStringLiteral("no_row"), tr("%1: the database added no row.").arg(what));
    return id.toLongLong();
}

Result<qint64> SqliteEngine::insertRow(const QString &sql, const QVariantList &values, const QString &what) const
{
    Statement statement(statements(), QSqlDatabase::database(m_connectionName, false), sql);
    for (const QVariant &value : values)
        statement->addBindValue(value);
    return insert(*statement, what);
}

Error SqliteEngine::error(const QSqlError &error, const QString &what) const
{
    return mapError(error, what);
}

Error SqliteEngine::mapError(const QSqlError &error, const QString &what)
{
    if (std::optional<Error> refusal = schemaRefusal(error))
        return *refusal;
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::storage(QStringLiteral("locked"),
                              tr("%1: the clinic database is in use by another program and stayed locked. "
                                 "Try again in a moment.")
                                  .arg(what));
    case SQLITE_FULL:
        return Error::storage(QStringLiteral("disk_full"), tr("%1: the disk is full.").arg(what));
    case SQLITE_READONLY:
        return Error::storage(QStringLiteral("read_only"), tr("%1: the clinic database is read-only.").arg(what));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Error::storage(QStringLiteral("corrupt"),
                              tr("%1: the clinic database file is damaged (%2).").arg(what, text));
    case SQLITE_CONSTRAINT:
        return Error::invalidInput(QStringLiteral("constraint"),
                                   tr("%1: the database refused the change (%2).").arg(what, text));
    default:
        break;
    }
    return Error::storage(QStringLiteral("sql"), tr("%1 failed: %2").arg(what, text));
}

QString SqliteEngine::textCondition(const QString &index, const QString &alias) const
{
    // FTS5 takes the table's own name on the left of MATCH, not an alias.
    Q_UNUSED(alias)
    return index + QStringLiteral(" MATCH ?");
}

QVariant SqliteEngine::textPattern(const TextQuery &query) const
{
    return fts5(query);
}

QString SqliteEngine::textKey(const QString &alias) const
{
    return alias + QStringLiteral(".rowid");
}

Status SqliteEngine::rebuildTextIndex(const QString &index, const QString &source, const QStringList &columns) const
{
    QSqlQuery query(connection());
    const QString what = tr("Rebuilding the search index %1").arg(index);
    const QString listed = columns.join(QStringLiteral(", "));
    const QStringList statements = {
        QStringLiteral("DELETE FROM %1").arg(index),
        QStringLiteral("INSERT INTO %1 (rowid, %2) SELECT id, %2 FROM %3").arg(index, listed, source),
        QStringLiteral("INSERT INTO %1 (%1) VALUES ('optimize')").arg(index),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return mapError(query.lastError(), what);
    }
    return {};
}

std::unique_ptr<ChangeSource> SqliteEngine::watchChanges(int intervalMs) const
{
    const bool inMemory = m_path == Database::memoryPath();
    return std::make_unique<ChangeWatcher>(m_connectionName, inMemory ? QString() : m_path, intervalMs);
}

Status SqliteEngine::backupTo(const QString &file, const BackupWatch &watch) const
{
    QSqlQuery query(connection());
    // VACUUM INTO only reads this database, but query_only (set when it was opened read-only) refuses it.
    if (m_readOnly)
        query.exec(QStringLiteral("PRAGMA query_only = OFF"));
    // SQLite asks the handler every few thousand steps of the copy; a true answer interrupts it.
    sqlite3 *native = handle();
    const auto asked = [](void *cancelled) {
        return (*static_cast<const std::function<bool()> *>(cancelled))() ? 1 : 0;
    };
    if (native && watch.cancelled)
        sqlite3_progress_handler(native, 10000, asked, const_cast<std::function<bool()> *>(&watch.cancelled));
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(file);
    const bool copied = query.exec();
    const QSqlError failure = query.lastError();
    if (native && watch.cancelled)
        sqlite3_progress_handler(native, 0, nullptr, nullptr);
    if (m_readOnly)
        query.exec(QStringLiteral("PRAGMA query_only = ON"));
    if (!copied && watch.cancelled && watch.cancelled())
        return Error::storage(QStringLiteral("cancelled"), tr("The backup was cancelled; no file was kept."));
    if (!copied)
        return mapError(failure, tr("Copying the clinic database to %1").arg(QDir::toNativeSeparators(file)));
    return {};
}

Result<StorageEngine::SchemaStamp> SqliteEngine::schemaStamp() const
{
    QSqlQuery query(connection());
    const QString what = tr("Reading %1").arg(QDir::toNativeSeparators(m_path));
    SchemaStamp stamp;
    // Reading sqlite_schema touches page 1 and the schema: a damaged or foreign file fails here.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
        const Error error = mapError(query.lastError(), what);
        if (error.code() == QLatin1String("storage.corrupt"))
            return DatabaseFile::damaged(m_path, query.lastError().databaseText());
        return error;
    }
    stamp.objects = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return mapError(query.lastError(), what);
    stamp.applicationId = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return mapError(query.lastError(), what);
    stamp.version = query.value(0).toInt();
    return stamp;
}

Status SqliteEngine::setSchemaVersion(int version) const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return mapError(query.lastError(), tr("Recording schema version %1").arg(version));
    return {};
}

QStringList SqliteEngine::scriptStatements(const QString &script) const
{
    QStringList statements;
    QString pending;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        pending += line;
        pending += QLatin1Char('\n');
        if (line.contains(QLatin1Char(';')) && sqlite3_complete(pending.toUtf8().constData())) {
            statements.append(pending.trimmed());
            pending.clear();
        }
    }
    if (!pending.trimmed().isEmpty() && !onlyComments(pending))
        statements.append(pending.trimmed());
    return statements;
}

Result<QStringList> SqliteEngine::tables() const
{
    QSqlQuery query(connection());
    // Shadow tables (those behind an FTS5 index) are typed 'shadow', SQLite's own are named sqlite_*;
    // dermdesk_setup_change is the database's bookkeeping (016_setup_change_counter.sql), not the clinic's.
    if (!query.exec(QStringLiteral("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', "
                                   "'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                   "AND name <> 'dermdesk_setup_change' ORDER BY name")))
        return mapError(query.lastError(), tr("Listing the clinic's tables"));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

Result<QStringList> SqliteEngine::columns(const QString &table) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"));
    query.addBindValue(table);
    if (!query.exec())
        return mapError(query.lastError(), tr("Reading the columns of %1").arg(table));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

Result<QList<StorageEngine::Reference>> SqliteEngine::references(const QString &table) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?) ORDER BY id, seq"));
    query.addBindValue(table);
    if (!query.exec())
        return mapError(query.lastError(), tr("Reading the references of %1").arg(table));
    QList<Reference> references;
    while (query.next())
        references.append({query.value(0).toString(), query.value(1).toString()});
    return references;
}

Status SqliteEngine::beginSnapshot() const
{
    // A deferred BEGIN takes its snapshot at the first read and keeps it (WAL) until the transaction ends.
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("BEGIN")))
        return mapError(query.lastError(), tr("Reading the clinic"));
    return {};
}

Status SqliteEngine::removeAllRows(const QString &table) const
{
    // The append-only triggers refuse every DELETE: they are set aside for the delete and made again as they were.
    const QString what = tr("Emptying the table %1 of the new clinic").arg(table);
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                                 "ORDER BY rowid"));
    query.addBindValue(table);
    if (!query.exec())
        return mapError(query.lastError(), what);
    QList<std::pair<QString, QString>> triggers;
    while (query.next())
        triggers.append({query.value(0).toString(), query.value(1).toString()});
    QStringList statements;
    for (const auto &trigger : triggers)
        statements.append(QStringLiteral("DROP TRIGGER \"%1\"").arg(trigger.first));
    statements.append(QStringLiteral("DELETE FROM \"%1\"").arg(table));
    for (const auto &trigger : triggers)
        statements.append(trigger.second);
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return mapError(query.lastError(), what);
    }
    return {};
}

Status SqliteEngine::filling(const QString &, bool) const
{
    return {};
}

Status SqliteEngine::afterExplicitIds(const QString &) const
{
    return {};
}

} // namespace dermdesk
