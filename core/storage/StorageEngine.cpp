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

Status StorageEngine::insertRows(const QString &table, const QStringList &, const QVariantList &) const
{
    return Error::storage(QStringLiteral("bulk_rows"),
                          QStringLiteral("%1 inserts no rows in bulk (into %2).").arg(name(), table));
}

} // namespace dermdesk
