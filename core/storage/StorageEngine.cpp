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

} // namespace dermdesk
