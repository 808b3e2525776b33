#pragma once

#include "storage/Database.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace dermdesk::test {

// Runs `sql` on `db` and returns every row, each as a list of values (none, with a warning, on an error).
inline QList<QVariantList> rows(const Database &db, const QString &sql)
{
    QList<QVariantList> result;
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return result;
    }
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i));
        result.append(row);
    }
    return result;
}

// The first value of the first row of `sql`, or -1 when there is none.
inline qint64 scalar(const Database &db, const QString &sql)
{
    const auto result = rows(db, sql);
    return result.isEmpty() ? -1 : result.first().value(0).toLongLong();
}

} // namespace dermdesk::test
