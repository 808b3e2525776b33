#pragma once

#include "TempDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace dermdesk::test {

// The details (a JSON object) of the newest audit entry `action` matching `where` (an SQL condition on audit_log),
// parsed here so the same query runs on both engines; empty when there is none.
inline QJsonObject auditDetails(TempDatabase &temp, const QString &action,
                                const QString &where = QStringLiteral("1 = 1"))
{
    const QString sql =
        QStringLiteral("SELECT details FROM audit_log WHERE action = '%1' AND (%2) ORDER BY id DESC LIMIT 1")
            .arg(action, where);
    return QJsonDocument::fromJson(temp.scalar(sql).toString().toUtf8()).object();
}

} // namespace dermdesk::test
