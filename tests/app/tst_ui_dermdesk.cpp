#include "ScheduleRows.h"
#include "TempDatabase.h"
#include "common/AppIdentity.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace dermdesk;

// The dermdesk executable's command line, run as a person or a script would.
class TestDermdeskCommandLine : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DERMDESK_GUI_EXECUTABLE), arguments);
        Run result;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

private slots:
    void versionPrintsTheVersion()
    {
        const Run result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("DermDesk %1\n").arg(QLatin1String(dermdesk::version())));
    }

    void helpPrintsUsage()
    {
        const Run result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QLatin1String("Usage: dermdesk [--database PATH|URL] [--demo]")));
    }

    void unknownOptionsPrintUsageAndExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown long option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("stray argument") << QStringList{QStringLiteral("clinic.dermdesk")};
        QTest::newRow("database without a path") << QStringList{QStringLiteral("--database")};
        QTest::newRow("demo and database")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("--database"), QStringLiteral("x.dermdesk")};
    }

    void unknownOptionsPrintUsageAndExit2()
    {
        QFETCH(QStringList, arguments);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(QLatin1String("Usage: dermdesk")), qPrintable(result.err));
    }

    void startupProbeReportsFirstPaint()
    {
        test::TempDatabase temp;
        QVERIFY(temp.isValid());
        QVERIFY(temp.seedMinimalClinic());
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("America/New_York")).date();
        QVERIFY(test::insertAppointment(temp.database(), 1, test::newYork(today.year(), today.month(), today.day(), 9),
                                        60));
        temp.close();

        const Run result = run({QStringLiteral("--database"), temp.path(), QStringLiteral("--startup-probe")});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(lines.first().toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(report.keys(), (QStringList{QStringLiteral("first_paint_ms"), QStringLiteral("peak_rss_kib")}));
        QVERIFY(report.value(QStringLiteral("first_paint_ms")).toInteger() > 0);
        QVERIFY(report.value(QStringLiteral("peak_rss_kib")).toInteger() > 0);
    }
};

QTEST_GUILESS_MAIN(TestDermdeskCommandLine)
#include "tst_ui_dermdesk.moc"
