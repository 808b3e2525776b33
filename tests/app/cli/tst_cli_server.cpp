#include "CliRun.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk::test;

// Which clinic dermdesk-cli works on: --database, else $DERMDESK_DATABASE, else the default file; a clinic server's
// address is read before connecting (malformed: exit 2) and a server that cannot be used exits 5, its password
// never printed.
//
// SQLite only: the clinic chosen here is a demo file, and the addresses refused are malformed or unreachable, so no
// server is involved; DERMDESK_DATABASE naming a clinic on the test cluster is tst_cli_serverclinic.
class TestCliServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clinic;

    static CliRun cli(const QStringList &arguments, const QString &variable = QString())
    {
        return CliRun::withDatabaseVariable(arguments, variable);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clinic = m_dir.filePath(QStringLiteral("front-desk.dermdesk"));
        const CliRun run =
            cli({QStringLiteral("demo"), QStringLiteral("--output"), m_clinic, QStringLiteral("--patients"),
                 QStringLiteral("20"), QStringLiteral("--years"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void theEnvironmentVariableChoosesTheClinic()
    {
        CliRun run = cli({QStringLiteral("info"), QStringLiteral("--json")}, m_clinic);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("database")).toString(), m_clinic);

        // A variable naming a missing clinic is used too: not found, nothing created.
        const QString missing = m_dir.filePath(QStringLiteral("elsewhere.dermdesk"));
        run = cli({QStringLiteral("info")}, missing);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(missing));
    }

    void theDatabaseOptionWinsOverTheVariable()
    {
        const QString missing = m_dir.filePath(QStringLiteral("not-this-one.dermdesk"));
        const CliRun run =
            cli({QStringLiteral("--database"), m_clinic, QStringLiteral("info"), QStringLiteral("--json")}, missing);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("database")).toString(), m_clinic);
    }

    void aMalformedServerAddressExits2NamingTheProblem_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("problem");
        QTest::newRow("port") << QStringLiteral("postgresql://desk:s3cret@clinic-server:99999/clinic")
                              << QStringLiteral("port");
        QTest::newRow("no database") << QStringLiteral("postgresql://desk:s3cret@clinic-server:5432")
                                     << QStringLiteral("names no database");
        QTest::newRow("password in the query")
            << QStringLiteral("postgresql://desk@clinic-server:5432/clinic?port=0&password=s3cret")
            << QStringLiteral("port");
    }

    void aMalformedServerAddressExits2NamingTheProblem()
    {
        QFETCH(QString, address);
        QFETCH(QString, problem);
        for (const bool fromVariable : {false, true}) {
            const CliRun run =
                fromVariable
                    ? cli({QStringLiteral("agenda"), QStringLiteral("--date"), QStringLiteral("2026-11-24")}, address)
                    : cli({QStringLiteral("--database"), address, QStringLiteral("agenda"), QStringLiteral("--date"),
                           QStringLiteral("2026-11-24")});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(problem), qPrintable(run.err));
            QVERIFY2(run.err.contains(QLatin1String("postgresql://user@host:5432/clinic")), qPrintable(run.err));
            QVERIFY2(!run.err.contains(QLatin1String("s3cret")), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
    }

    void anUnreachableServerExits5WithoutThePassword()
    {
        const QString address = QStringLiteral("postgresql://nobody:s3cret@127.0.0.1:1/clinic?connect_timeout=2");
        for (const QStringList &command :
             {QStringList{QStringLiteral("info")},
              QStringList{QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("Smith")},
              QStringList{QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--given"),
                          QStringLiteral("Ada"), QStringLiteral("--family"), QStringLiteral("Lovelace"),
                          QStringLiteral("--birth-date"), QStringLiteral("1990-12-10")}}) {
            const CliRun run = cli(QStringList{QStringLiteral("--database"), address} + command);
            QCOMPARE(run.exitCode, 5);
            QVERIFY2(run.err.contains(QLatin1String("postgresql://nobody@127.0.0.1:1/clinic")), qPrintable(run.err));
            QVERIFY2(!run.err.contains(QLatin1String("s3cret")), qPrintable(run.err));
            // One message, for the person: no warning of Qt's own.
            QCOMPARE(run.err.count(QLatin1String("dermdesk-cli: ")), 1);
            QVERIFY2(!run.err.contains(QLatin1String("QSql")) && !run.err.contains(QLatin1String("\\t")),
                     qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliServer)
#include "tst_cli_server.moc"
