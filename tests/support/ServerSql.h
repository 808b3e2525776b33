#pragma once

#include "storage/ServerAddress.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace dermdesk::test {

// Runs `statements` in order on the database `address` names, as the user it names (no password: the test cluster
// trusts its socket), through a QPSQL connection of its own that is closed again. Returns the first column of the
// last statement's first row (empty when it returns none), or nullopt (with a warning) when one fails.
inline std::optional<QString> serverSql(const ServerAddress &address, const QStringList &statements)
{
    const QString connection = QStringLiteral("dermdesk-test-serversql");
    std::optional<QString> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setDatabaseName(address.database());
        db.setHostName(address.host());
        if (address.port() > 0)
            db.setPort(address.port());
        db.setUserName(address.user());
        if (db.open()) {
            result = QString();
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                    result.reset();
                    break;
                }
                result = query.next() ? query.value(0).toString() : QString();
            }
        } else {
            qWarning("%s: %s", qPrintable(address.display()), qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

// How many tables the database `address` names holds in its public schema; -1 when it cannot be asked.
inline int serverTableCount(const ServerAddress &address)
{
    const auto count =
        serverSql(address, {QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")});
    return count ? count->toInt() : -1;
}

} // namespace dermdesk::test
