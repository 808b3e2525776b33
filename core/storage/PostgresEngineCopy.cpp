// PostgresEngine's part in copying a whole clinic (ClinicCopy): references, snapshots, filling a table in bulk; and
// inserting many new rows at once.

#include "PostgresEngine.h"

#include "PostgresRows.h"
#include "Statement.h"
#include "common/Translation.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PostgresEngine");

} // namespace

Result<QList<StorageEngine::Reference>> PostgresEngine::references(const QString &table) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT a.attname, target.relname FROM pg_constraint c "
                                 "JOIN pg_class source ON source.oid = c.conrelid "
                                 "JOIN pg_namespace n ON n.oid = source.relnamespace "
                                 "JOIN pg_class target ON target.oid = c.confrelid "
                                 "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                                 "WHERE c.contype = 'f' AND n.nspname = current_schema() AND source.relname = ? "
                                 "ORDER BY a.attnum"));
    query.addBindValue(table);
    if (!query.exec())
        return mapError(query.lastError(), tr("Reading the references of %1").arg(table));
    QList<Reference> references;
    while (query.next())
        references.append({query.value(0).toString(), query.value(1).toString()});
    return references;
}

Status PostgresEngine::beginSnapshot() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
        return mapError(query.lastError(), tr("Reading the clinic"));
    return {};
}

Status PostgresEngine::removeAllRows(const QString &table) const
{
    // The append-only triggers refuse every DELETE: the table's own triggers (not its foreign keys) are set aside
    // for the delete, inside the transaction, by the role that owns the clinic's tables.
    const QString what = tr("Emptying the table %1 of the new clinic").arg(table);
    QSqlQuery query(connection());
    const QStringList statements = {
        QStringLiteral("ALTER TABLE \"%1\" DISABLE TRIGGER USER").arg(table),
        QStringLiteral("DELETE FROM \"%1\"").arg(table),
        QStringLiteral("ALTER TABLE \"%1\" ENABLE TRIGGER USER").arg(table),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return mapError(query.lastError(), what);
    }
    return {};
}

Status PostgresEngine::filling(const QString &table, bool filling) const
{
    // What the server would otherwise do row by row waits until the table's rows are in, as pg_restore arranges it:
    // the table's own triggers (search index, plan marks, notifications) are held off, and its secondary indexes,
    // exclusion constraints and foreign keys are dropped and made again over all the rows at once, which checks
    // every row as the row-by-row checks would have (an overlap or a dangling reference fails the copy then, before
    // it commits). Checks, the primary key and unique constraints stay. DDL is part of the transaction: a failed copy
    // leaves the table as it was.
    const QString what = tr("Copying the rows of %1").arg(table);
    QSqlQuery query(connection());
    if (filling) {
        QStringList drop;
        QStringList remake;
        query.prepare(
            QStringLiteral("SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid) "
                           "FROM pg_index WHERE indrelid = ?::regclass AND NOT indisprimary AND NOT "
                           "indisunique AND NOT indisexclusion "
                           "UNION ALL SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, "
                           "conname), format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, "
                           "conname, pg_get_constraintdef(oid)) "
                           "FROM pg_constraint WHERE conrelid = ?::regclass AND contype IN ('x', 'f')"));
        query.addBindValue(table);
        query.addBindValue(table);
        if (!query.exec())
            return mapError(query.lastError(), what);
        while (query.next()) {
            drop.append(query.value(0).toString());
            remake.append(query.value(1).toString());
        }
        drop.append(QStringLiteral("ALTER TABLE \"%1\" DISABLE TRIGGER USER").arg(table));
        for (const QString &statement : std::as_const(drop)) {
            if (!query.exec(statement))
                return mapError(query.lastError(), what);
        }
        m_heldOff.insert(table, remake);
        return {};
    }
    QStringList remake = m_heldOff.take(table);
    // Sorting an index's entries in memory rather than on disk.
    if (!remake.isEmpty())
        remake.prepend(QStringLiteral("SET LOCAL maintenance_work_mem = '256MB'"));
    remake.append(QStringLiteral("ALTER TABLE \"%1\" ENABLE TRIGGER USER").arg(table));
    for (const QString &statement : std::as_const(remake)) {
        if (!query.exec(statement))
            return mapError(query.lastError(), what);
    }
    return {};
}

Status PostgresEngine::insertJson(const QString &table, const QStringList &columns, const QVariantList &values,
                                  const QString &what, std::optional<qsizetype> rows) const
{
    QStringList names;
    for (const QString &column : columns)
        names.append(QLatin1Char('"') + column + QLatin1Char('"'));
    const QString list = names.join(QStringLiteral(", "));
    Statement insert(statements(), connection(),
                     QStringLiteral("INSERT INTO \"%1\" (%2) SELECT %2 FROM json_populate_recordset(NULL::\"%1\", ?)")
                         .arg(table, list));
    QSqlQuery &query = *insert;
    query.addBindValue(QString::fromUtf8(PostgresRows::json(columns, values)));
    if (!query.exec())
        return reportLoss(mapError(query.lastError(), what));
    if (rows && query.numRowsAffected() != *rows)
        return Error::storage(QStringLiteral("no_row"), tr("%1: the database added no row.").arg(what));
    return {};
}

Status PostgresEngine::insertRows(const QString &table, const QStringList &columns, const QVariantList &values) const
{
    return insertJson(table, columns, values, tr("Copying the rows of %1").arg(table));
}

Result<QList<qint64>> PostgresEngine::insertAll(const QString &table, const QStringList &columns,
                                                const QVariantList &values, const QString &what) const
{
    const qsizetype width = columns.size();
    const qsizetype rows = width == 0 ? 0 : values.size() / width;
    // One row: one statement (INSERT ... RETURNING id) rather than two.
    if (rows <= 1)
        return StorageEngine::insertAll(table, columns, values, what);
    const QStringList withId = QStringList{QStringLiteral("id")} + columns;
    QList<qint64> ids;
    ids.reserve(rows);
    for (qsizetype first = 0; first < rows; first += bulkRows()) {
        const qsizetype count = std::min<qsizetype>(bulkRows(), rows - first);
        // The ids, reserved from the table's sequence in one statement, handed out in row order.
        QList<qint64> reserved;
        reserved.reserve(count);
        {
            Statement reserve(statements(), connection(),
                              QStringLiteral(
                                  "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)"));
            QSqlQuery &query = *reserve;
            query.addBindValue(table);
            query.addBindValue(qint64(count));
            if (!query.exec())
                return reportLoss(mapError(query.lastError(), what));
            while (query.next())
                reserved.append(query.value(0).toLongLong());
        }
        if (reserved.size() != count)
            return Error::storage(QStringLiteral("no_row"), tr("%1: the database added no row.").arg(what));
        std::sort(reserved.begin(), reserved.end());
        QVariantList rowsWithIds;
        rowsWithIds.reserve(count * (width + 1));
        for (qsizetype row = 0; row < count; ++row) {
            rowsWithIds.append(reserved.at(row));
            rowsWithIds.append(values.mid((first + row) * width, width));
        }
        if (Status inserted = insertJson(table, withId, rowsWithIds, what, count); !inserted)
            return inserted.error();
        ids.append(reserved);
    }
    return ids;
}

Status PostgresEngine::afterExplicitIds(const QString &table) const
{
    // The next id after the largest copied (setval's third argument: that value is not used yet).
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE(max(id), 0) + 1, false) "
                                 "FROM \"%1\"")
                      .arg(table));
    query.addBindValue(table);
    if (!query.exec())
        return mapError(query.lastError(), tr("Moving the ids of %1 past the copied rows").arg(table));
    return {};
}

} // namespace dermdesk
