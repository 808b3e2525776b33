#include "CliRun.h"
#include "PlanClinic.h"
#include "treatment/CourseBooker.h"

#include <QFile>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

// dermdesk-cli move on a treatment-plan session: earlier than the plan's minimum interval after the session
// before it is refused by the rule (exit 3, rule.plan.interval_min naming the session and the window) and nothing
// moves; --interval-override REASON moves it, the reason stored with the session and audited; a blank reason is
// bad input (exit 2). The command line works from today's date, so the plan is booked from a Tuesday two to three
// weeks ahead: session 1 then, session 2 five weeks later (its window opens four weeks after session 1).
class TestCliSessionMove : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    QDate m_first;
    qint64 m_second = 0;

    test::CliRun move(const QDate &day, const QStringList &more = {})
    {
        return test::CliRun::run(m_temp->path(), QStringList{QStringLiteral("move"), QString::number(m_second),
                                                             QStringLiteral("--start"),
                                                             day.toString(Qt::ISODate) + QStringLiteral("T10:00")}
                                                     + more);
    }

    // One integer from `sql` run on the file after the command line wrote it.
    qint64 scalar(const QString &sql)
    {
        auto database = m_temp->reopen();
        return database ? test::scalar(*database.value(), sql) : -1;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, QDateTime::currentSecsSinceEpoch() - 86400, 365));
        const QDate today = QDate::currentDate();
        m_first = today.addDays(14 + (Qt::Tuesday - today.dayOfWeek() + 7) % 7);
        const TreatmentPlan plan =
            TreatmentPlanRepository(m_temp->database()).create(test::microneedlingPlan(3, 4, 6)).value();
        CourseBooker booker(m_temp->database());
        QVERIFY(booker.bookSession(plan, 1, test::bookingRequest(0, 1, 0, newYorkAt(m_first, 10))).ok());
        auto second = booker.bookSession(plan, 2, test::bookingRequest(0, 1, 0, newYorkAt(m_first.addDays(35), 10)));
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message()));
        m_second = second.value().id;
        m_temp->close(); // the command line opens the file itself
        QVERIFY(QFile::exists(QStringLiteral(DERMDESK_CLI_PATH)));
    }

    void cleanup() { m_temp.reset(); }

    void tooEarlyIsRefusedByTheRule()
    {
        // The Monday before the window opens.
        const test::CliRun refused = move(m_first.addDays(27));
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QStringLiteral("plan.interval_min")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("Session 2 of 3")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(m_first.addDays(28).toString(Qt::ISODate) + QStringLiteral(" to ")
                                      + m_first.addDays(42).toString(Qt::ISODate)),
                 qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT starts_at FROM appointment WHERE id = %1").arg(m_second)),
                 newYorkAt(m_first.addDays(35), 10));

        // Exactly the minimum interval is fine.
        QCOMPARE(move(m_first.addDays(28)).exitCode, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT starts_at FROM appointment WHERE id = %1").arg(m_second)),
                 newYorkAt(m_first.addDays(28), 10));
    }

    void anOverrideReasonMovesItAndIsAudited()
    {
        const test::CliRun blank =
            move(m_first.addDays(27), {QStringLiteral("--interval-override"), QStringLiteral(" ")});
        QCOMPARE(blank.exitCode, 2);
        QVERIFY2(blank.err.contains(QStringLiteral("--interval-override")), qPrintable(blank.err));

        const test::CliRun moved =
            move(m_first.addDays(27), {QStringLiteral("--json"), QStringLiteral("--interval-override"),
                                       QStringLiteral("Away for the whole window")});
        QCOMPARE(moved.exitCode, 0);
        QCOMPARE(moved.json().value(QStringLiteral("id")).toInteger(), m_second);
        QCOMPARE(scalar(QStringLiteral("SELECT starts_at FROM appointment WHERE id = %1").arg(m_second)),
                 newYorkAt(m_first.addDays(27), 10));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM treatment_session WHERE sequence_no = 2 AND "
                                       "interval_override_reason = 'Away for the whole window'")),
                 qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'interval_override' AND "
                                       "details LIKE '%Away for the whole window%'")),
                 qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestCliSessionMove)
#include "tst_cli_sessionmove.moc"
