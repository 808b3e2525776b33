#include "storage/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace dermdesk;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// dermdesk-cli as a script sees it: exit codes 0/2/4/5, messages on stderr that name what is
// wrong, JSON on request, and files it must not touch left untouched.
//
// SQLite only: these are about arguments and files (the demo command writes a new file; a missing file, a text file,
// a file of a newer schema), none of which depend on the clinic's engine. What the commands say about a clinic,
// `info` and `backup`, runs on both engines in tst_cli_clinicinfo; an unreachable or missing server in
// tst_cli_server and tst_cli_serverclinic.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

    Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(DERMDESK_CLI_PATH), arguments);
        if (!process.waitForFinished(120000))
            qWarning("dermdesk-cli did not finish");
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = path(QStringLiteral("demo.dermdesk"));
        const Run run = cli({QStringLiteral("demo"), QStringLiteral("--output"), m_demo, QStringLiteral("--today"),
                             QStringLiteral("2026-11-24")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("Appointments")));
    }

    void theDemoFileOpensAsAClinic()
    {
        auto opened = Database::open(m_demo);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message()));
        QCOMPARE(opened.value()->schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery query(opened.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM appointment")) && query.next());
        QVERIFY(query.value(0).toInt() > 1000);
    }

    void unknownOptionPrintsUsageAndExits2()
    {
        const Run run = cli({QStringLiteral("info"), QStringLiteral("--frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("frobnicate")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("Usage:")));
        QVERIFY(run.out.isEmpty());
    }

    void unknownCommandOrNoneExits2()
    {
        Run run = cli({QStringLiteral("teleport")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("teleport")));
        QVERIFY(run.err.contains(QLatin1String("Commands:")));
        run = cli({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("Usage:")));
    }

    void helpAndVersion()
    {
        Run run = cli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *command : {"demo", "info", "backup"})
            QVERIFY2(run.out.contains(QLatin1String(command)), command);
        run = cli({QStringLiteral("demo"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("--patients")));
        run = cli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QLatin1String("dermdesk-cli ")));
    }

    void demoNeverOverwritesAFile()
    {
        const QByteArray before = fileBytes(m_demo);
        const Run run = cli({QStringLiteral("demo"), QStringLiteral("--output"), m_demo});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("already exists")), qPrintable(run.err));
        QCOMPARE(fileBytes(m_demo), before);
    }

    void demoRefusesBadNumbers_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("named");
        QTest::newRow("patients not a number")
            << QStringList{QStringLiteral("--patients"), QStringLiteral("many")} << QStringLiteral("--patients");
        QTest::newRow("no patients") << QStringList{QStringLiteral("--patients"), QStringLiteral("0")}
                                     << QStringLiteral("--patients");
        QTest::newRow("too many years") << QStringList{QStringLiteral("--years"), QStringLiteral("99")}
                                        << QStringLiteral("--years");
        QTest::newRow("negative seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("-3")}
                                       << QStringLiteral("--seed");
        QTest::newRow("no such day") << QStringList{QStringLiteral("--today"), QStringLiteral("2026-02-30")}
                                     << QStringLiteral("--today");
        QTest::newRow("no output") << QStringList{QStringLiteral("--patients"), QStringLiteral("10")}
                                   << QStringLiteral("--output");
    }

    void demoRefusesBadNumbers()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, named);
        const QString output = path(QStringLiteral("bad.dermdesk"));
        QStringList arguments{QStringLiteral("demo")};
        if (named != QLatin1String("--output"))
            arguments << QStringLiteral("--output") << output;
        const Run run = cli(arguments + options);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QVERIFY(!QFile::exists(output));
    }

    void demoToAServerAddressExits2NamingCopyClinic()
    {
        const Run run = cli({QStringLiteral("demo"), QStringLiteral("--output"),
                             QStringLiteral("postgresql://desk:s3cret@clinic-server:5432/clinic")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("copy-clinic")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("postgresql://desk@clinic-server:5432/clinic")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("s3cret")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void demoJsonSummaryParses()
    {
        const QString output = path(QStringLiteral("small.dermdesk"));
        const Run run =
            cli({QStringLiteral("--json"), QStringLiteral("demo"), QStringLiteral("-o"), output,
                 QStringLiteral("--patients"), QStringLiteral("50"), QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(summary.value(QStringLiteral("patients")).toInt(), 50);
        QVERIFY(summary.value(QStringLiteral("appointments")).toInt() > 50);
        QCOMPARE(summary.value(QStringLiteral("output")).toString(), QFileInfo(output).absoluteFilePath());
    }

    void infoOnAMissingFileIsNotFoundAndCreatesNothing()
    {
        const QString missing = path(QStringLiteral("missing.dermdesk"));
        const Run run = cli({QStringLiteral("info"), QStringLiteral("--database"), missing});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QLatin1String("missing.dermdesk")), qPrintable(run.err));
        QVERIFY(!QFile::exists(missing));
        QCOMPARE(cli({QStringLiteral("info"), QStringLiteral("--database"),
                      path(QStringLiteral("no/such/folder.dermdesk"))})
                     .exitCode,
                 5);
    }

    void aDatabaseServerThatCannotBeReachedExits5()
    {
        const QString server = QStringLiteral("postgresql://desk:s3cret@clinic-server:5432/clinic?connect_timeout=2");
        for (const QStringList &command :
             {QStringList{QStringLiteral("info")},
              QStringList{QStringLiteral("patient"), QStringLiteral("search"), QStringLiteral("Smith")}}) {
            const Run run = cli(QStringList{QStringLiteral("--database"), server} + command);
            QCOMPARE(run.exitCode, 5);
            QVERIFY2(run.err.contains(QLatin1String("postgresql://desk@clinic-server:5432/clinic")),
                     qPrintable(run.err));
            QVERIFY(!run.err.contains(QLatin1String("s3cret")));
            QVERIFY(run.out.isEmpty());
        }
    }

    void infoRefusesANewerSchemaAndLeavesItAlone()
    {
        const QString newer = path(QStringLiteral("newer.dermdesk"));
        {
            auto created = Database::open(newer);
            QVERIFY(created.ok());
        }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(newer.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        const QByteArray before = fileBytes(newer);

        const Run run = cli({QStringLiteral("info"), QStringLiteral("--database"), newer});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QLatin1String("newer")), qPrintable(run.err));
        QCOMPARE(fileBytes(newer), before);
    }

    void infoRefusesATextFileAndLeavesItAlone()
    {
        const QString text = path(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(text, "Shopping list: sunscreen, hyaluronic serum\n"));
        const Run run = cli({QStringLiteral("info"), QStringLiteral("--database"), text});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QLatin1String("not a DermDesk")), qPrintable(run.err));
        QCOMPARE(fileBytes(text), QByteArray("Shopping list: sunscreen, hyaluronic serum\n"));
    }

    void aBackupOfAMissingFileIsNotFoundAndWritesNothing()
    {
        const Run run =
            cli({QStringLiteral("backup"), QStringLiteral("--database"), path(QStringLiteral("gone.dermdesk")),
                 QStringLiteral("-o"), path(QStringLiteral("gone-copy.dermdesk"))});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(!QFile::exists(path(QStringLiteral("gone.dermdesk"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("gone-copy.dermdesk"))));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
