#include "StorageEngine.h"

#include <QSqlQuery>

namespace dermdesk {

Result<qint64> StorageEngine::save(QSqlQuery &prepared, qint64 id, const QString &what) const
{
    if (id == 0)
        return insert(prepared, what);
    if (!prepared.exec())
        return error(prepared.lastError(), what);
    return id;
}

Result<QList<qint64>> StorageEngine::insertAll(const QString &table, const QStringList &columns,
                                               const QVariantList &values, const QString &what) const
{
    QList<qint64> ids;
    const qsizetype width = columns.size();
    if (width == 0)
        return ids;
    QStringList names;
    for (const QString &column : columns)
        names.append(QLatin1Char('"') + column + QLatin1Char('"'));
    const QString sql = QStringLiteral("INSERT INTO \"%1\" (%2) VALUES (%3)")
                            .arg(table, names.join(QStringLiteral(", ")),
                                 QStringList(width, QStringLiteral("?")).join(QStringLiteral(", ")));
    ids.reserve(values.size() / width);
    for (qsizetype first = 0; first + width <= values.size(); first += width) {
        const Result<qint64> id = insertRow(sql, values.mid(first, width), what);
        if (!id)
            return id.error();
        ids.append(id.value());
    }
    return ids;
}

Status StorageEngine::insertRows(const QString &table, const QStringList &, const QVariantList &) const
{
    return Error::storage(QStringLiteral("bulk_rows"),
                          QStringLiteral("%1 inserts no rows in bulk (into %2).").arg(name(), table));
}

} // namespace dermdesk
