#include "CliRun.h"
#include "PlanClinic.h"
#include "clinic/ClinicRepository.h"

#include <QtTest>

using namespace dermdesk;

// dermdesk-cli plan create without --sessions or --interval-weeks takes the clinic's plan defaults (Clinic
// Settings: 6 sessions, 3-5 weeks here); each given option still wins over its default, and a bad one is still
// refused naming it (exit 2).
class TestCliPlanDefaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;

    test::CliRun create(const QStringList &more)
    {
        return test::CliRun::run(m_temp->path(),
                                 QStringList{QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("create"),
                                             QStringLiteral("--patient"), QStringLiteral("1"), QStringLiteral("--type"),
                                             QStringLiteral("1")}
                                     + more);
    }

    // The stored plan the command line created.
    TreatmentPlan created(const test::CliRun &run)
    {
        auto database = m_temp->reopen();
        if (!database)
            return {};
        const qint64 id = run.json().value(QStringLiteral("id")).toInteger();
        auto plan = TreatmentPlanRepository(*database.value()).find(id);
        return plan ? plan.value() : TreatmentPlan();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, QDateTime::currentSecsSinceEpoch() - 86400, 365));
        ClinicRepository clinic(m_temp->database());
        ClinicSettings settings = *clinic.settings().value();
        settings.defaultSessions = 6;
        settings.defaultIntervalMinWeeks = 3;
        settings.defaultIntervalMaxWeeks = 5;
        QVERIFY(clinic.saveSettings(settings).ok());
        m_temp->close();
    }

    void cleanup() { m_temp.reset(); }

    void sessionsAndIntervalDefaultToTheClinics_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("sessions");
        QTest::addColumn<int>("minWeeks");
        QTest::addColumn<int>("maxWeeks");
        QTest::newRow("neither") << QStringList() << 6 << 3 << 5;
        QTest::newRow("sessions given") << QStringList{QStringLiteral("--sessions"), QStringLiteral("2")} << 2 << 3
                                        << 5;
        QTest::newRow("interval given") << QStringList{QStringLiteral("--interval-weeks"), QStringLiteral("4-8")} << 6
                                        << 4 << 8;
        QTest::newRow("both given") << QStringList{QStringLiteral("--sessions"), QStringLiteral("4"),
                                                   QStringLiteral("--interval-weeks"), QStringLiteral("4-6")}
                                    << 4 << 4 << 6;
    }

    void sessionsAndIntervalDefaultToTheClinics()
    {
        QFETCH(QStringList, options);
        QFETCH(int, sessions);
        QFETCH(int, minWeeks);
        QFETCH(int, maxWeeks);
        const test::CliRun run = create(options);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const TreatmentPlan plan = created(run);
        QVERIFY(plan.id > 0);
        QCOMPARE(plan.plannedSessions, sessions);
        QCOMPARE(plan.intervalMinWeeks, minWeeks);
        QCOMPARE(plan.intervalMaxWeeks, maxWeeks);
    }

    void aBadExplicitValueIsStillRefused()
    {
        const test::CliRun zero = create({QStringLiteral("--sessions"), QStringLiteral("0")});
        QCOMPARE(zero.exitCode, 2);
        QVERIFY2(zero.err.contains(QStringLiteral("--sessions")), qPrintable(zero.err));
        const test::CliRun empty = create({QStringLiteral("--interval-weeks"), QString()});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains(QStringLiteral("--interval-weeks")), qPrintable(empty.err));
        auto database = m_temp->reopen();
        QVERIFY(database);
        QCOMPARE(test::scalar(*database.value(), QStringLiteral("SELECT count(*) FROM treatment_plan")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestCliPlanDefaults)
#include "tst_cli_plandefaults.moc"
