#include "CliRun.h"
#include "ServerSql.h"
#include "TestServer.h"

#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::test;

namespace {

const QString password = QStringLiteral("s3cret-Pa55");

CliRun cli(const QStringList &arguments, const QString &variable = QString())
{
    return CliRun::withDatabaseVariable(arguments, variable);
}

} // namespace

// dermdesk-cli on the test run's PostgreSQL cluster: a clinic chosen by --database or DERMDESK_DATABASE, and the
// databases it must refuse (missing, empty, another program's) with exit 5, never writing to them and never printing
// a password written in the address.
class TestCliServerClinic : public QObject
{
    Q_OBJECT

private:
    ServerAddress m_server;
    QStringList m_created;

    ServerAddress newDatabase(const QString &templateName = QString())
    {
        const QString name = TestServer::uniqueDatabaseName();
        const Status created = TestServer::createDatabase(name, templateName);
        if (!created)
            qWarning("%s", qPrintable(created.error().message()));
        m_created.append(name);
        return m_server.withDatabase(name);
    }

private slots:
    void initTestCase()
    {
        const auto server = TestServer::address();
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message()));
        m_server = server.value();
    }

    void cleanupTestCase()
    {
        for (const QString &name : m_created)
            (void)TestServer::dropDatabase(name);
    }

    void theVariableChoosesAServerClinic()
    {
        const auto migrated = TestServer::migratedTemplate();
        QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().message()));
        const ServerAddress clinic = newDatabase(migrated.value());
        const QString withPassword = clinic.withPassword(password).toUri();
        for (const bool fromVariable : {true, false}) {
            const CliRun run = fromVariable ? cli({QStringLiteral("info"), QStringLiteral("--json")}, withPassword)
                                            : cli({QStringLiteral("--database"), withPassword, QStringLiteral("info"),
                                                   QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY2(run.json().value(QStringLiteral("database")).toString().contains(clinic.database()),
                     qPrintable(run.out));
            QVERIFY(!run.out.contains(password) && !run.err.contains(password));
        }
    }

    void databasesThatAreNoClinicExit5AndStayAsTheyWere()
    {
        const ServerAddress empty = newDatabase();
        const ServerAddress foreign = newDatabase();
        QVERIFY(serverSql(foreign, {QStringLiteral("CREATE TABLE invoices (id integer PRIMARY KEY)")}));
        const ServerAddress missing = m_server.withDatabase(TestServer::uniqueDatabaseName());
        for (const ServerAddress &address : {empty, foreign, missing}) {
            const CliRun run = cli({QStringLiteral("--database"), address.withPassword(password).toUri(),
                                    QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--given"),
                                    QStringLiteral("Ada"), QStringLiteral("--family"), QStringLiteral("Lovelace"),
                                    QStringLiteral("--birth-date"), QStringLiteral("1990-12-10")});
            QCOMPARE(run.exitCode, 5);
            QVERIFY2(run.err.contains(address.database()), qPrintable(run.err));
            QVERIFY2(!run.err.contains(password), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        QCOMPARE(serverTableCount(empty), 0);
        QCOMPARE(serverTableCount(foreign), 1);
        QCOMPARE(TestServer::databaseExists(missing.database()).value(), false);
    }
};

QTEST_GUILESS_MAIN(TestCliServerClinic)
#include "tst_cli_serverclinic.moc"
