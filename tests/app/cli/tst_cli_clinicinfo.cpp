#include "CliClinic.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::test;

// What dermdesk-cli says about a whole clinic, on either engine: `info` describes the demo clinic (name, time zone,
// schema, counts), and `backup` writes a new clinic file holding it, never over an existing file.
class TestCliClinicInfo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CliClinic m_clinic;

    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] CliRun cli(const QStringList &arguments) const { return CliRun::run(m_clinic.address(), arguments); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_clinic.create(path(QStringLiteral("demo.dermdesk")),
                                {QStringLiteral("--today"), QStringLiteral("2026-11-24")}));
    }

    void infoDescribesTheClinic()
    {
        CliRun run = cli({QStringLiteral("info")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("Hiers Aesthetic Dermatology")));
        QVERIFY(run.out.contains(QLatin1String("America/New_York")));

        run = cli({QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(info.value(QStringLiteral("database")).toString(), m_clinic.address());
        QCOMPARE(info.value(QStringLiteral("clinic")).toString(), QStringLiteral("Hiers Aesthetic Dermatology"));
        QCOMPARE(info.value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/New_York"));
        QCOMPARE(info.value(QStringLiteral("schema_version")).toInt(), Database::latestSchemaVersion());
        QCOMPARE(info.value(QStringLiteral("patients")).toInt(), 400);
        QVERIFY(info.value(QStringLiteral("appointments")).toInt() > 1000);
        QVERIFY(info.value(QStringLiteral("plans")).toInt() > 100);
    }

    void backupCopiesAndNeverOverwrites()
    {
        const QString copy = path(QStringLiteral("copy.dermdesk"));
        CliRun run = cli({QStringLiteral("backup"), QStringLiteral("-o"), copy});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        {
            auto opened = Database::open(copy);
            QVERIFY(opened.ok());
            QVERIFY(!opened.value()->isOnServer());
            QSqlQuery query(opened.value()->connection());
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM patient")) && query.next());
            QCOMPARE(query.value(0).toInt(), 400);
        }
        // The backup is a clinic of its own that the commands read as they read the original.
        const CliRun original = cli({QStringLiteral("agenda"), QStringLiteral("--date"), QStringLiteral("2026-11-24"),
                                     QStringLiteral("--json")});
        QCOMPARE(original.exitCode, 0);
        const CliRun backedUp = CliRun::run(copy, {QStringLiteral("agenda"), QStringLiteral("--date"),
                                                   QStringLiteral("2026-11-24"), QStringLiteral("--json")});
        QCOMPARE(backedUp.out, original.out);

        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        run = cli({QStringLiteral("backup"), QStringLiteral("-o"), copy});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("already exists")), qPrintable(run.err));
        QVERIFY(file.seek(0));
        QCOMPARE(file.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestCliClinicInfo)
#include "tst_cli_clinicinfo.moc"
