#pragma once

#include "TempDatabase.h"
#include "TestServer.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

namespace dermdesk::test {

// A clinic server going away under the sessions open on `clinic`'s database (on the test run's cluster), while the
// fixture's own connection stays up to look and to let the server back in.
class ServerOutage
{
public:
    explicit ServerOutage(TempDatabase &clinic)
        : m_clinic(clinic)
        , m_databaseName(clinic.scalar(QStringLiteral("SELECT current_database()")).toString())
    {
    }
    ~ServerOutage() { allowConnections(true); }
    ServerOutage(const ServerOutage &) = delete;
    ServerOutage &operator=(const ServerOutage &) = delete;

    // Runs `sql` on the fixture's own connection.
    bool run(const QString &sql)
    {
        QSqlQuery query(m_clinic.database().connection());
        if (query.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }

    // Ends every other connection to the clinic's database, as a server restart or a network cut does.
    bool dropOtherConnections()
    {
        return run(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                  "current_database() AND pid <> pg_backend_pid()"));
    }

    // Lets new connections into the clinic's database, or keeps them out as a server that is down does (through the
    // cluster's maintenance database: a database cannot close itself).
    bool allowConnections(bool allowed)
    {
        const Result<ServerAddress> server = TestServer::address();
        if (!server || m_databaseName.isEmpty())
            return false;
        const QString name = QStringLiteral("dermdesk_server_outage");
        bool done = false;
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            admin.setHostName(server.value().host());
            if (server.value().port() > 0)
                admin.setPort(server.value().port());
            admin.setUserName(server.value().user());
            admin.setPassword(server.value().password());
            admin.setDatabaseName(server.value().database());
            admin.setConnectOptions(server.value().driverOptions());
            done = admin.open();
            QSqlQuery query(admin);
            done = done
                   && query.exec(QStringLiteral("ALTER DATABASE \"%1\" ALLOW_CONNECTIONS %2")
                                     .arg(m_databaseName, allowed ? u"true" : u"false"));
            if (!done)
                qWarning("allowConnections: %s %s", qPrintable(admin.lastError().text()),
                         qPrintable(query.lastError().text()));
            admin.close();
        }
        QSqlDatabase::removeDatabase(name);
        return done;
    }

    // Both: the server is down until allowConnections(true).
    bool goAway() { return allowConnections(false) && dropOtherConnections(); }

private:
    TempDatabase &m_clinic;
    QString m_databaseName;
};

} // namespace dermdesk::test
