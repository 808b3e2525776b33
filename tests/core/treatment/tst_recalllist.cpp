#include "FakeClock.h"
#include "PlanClinic.h"
#include "treatment/RecallList.h"

#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

// RecallList: active plans whose next session's window is open, opens within the horizon or has closed
// (overdue), with no session booked. Windows are judged on local dates in New York.
class TestRecallList : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    // An active 4-session, 4–6 week plan for `patient` whose last session was completed on `last` late in the
    // evening (21:30 to 23:30 local: its UTC date is the next day, the window must count from the local date).
    // `bookedNext`: session 2 is booked too, 30 days after the last at 10:00 (or at `nextAt`, UTC seconds), with
    // `nextStatus`; `nextPerformed`: session 2 is recorded as performed.
    void plan(qint64 patient, QDate last, bool bookedNext = false, const QString &status = QStringLiteral("active"),
              const QString &nextStatus = QStringLiteral("booked"), qint64 nextAt = 0, bool nextPerformed = false)
    {
        static qint64 id = 0;
        ++id;
        QStringList sql{
            QStringLiteral(
                "INSERT INTO treatment_plan (id, patient_id, lead_practitioner_id, type_id, planned_sessions, "
                "interval_min_weeks, interval_max_weeks, status, stop_reason, created_at, updated_at) "
                "VALUES (%1, %2, 1, 1, 4, 4, 6, '%3', 'x', 0, 0)")
                .arg(id)
                .arg(patient)
                .arg(status)};
        if (last.isValid()) {
            const qint64 at = newYorkAt(last, 21 + int(id % 3), 30);
            sql << QStringLiteral(
                       "INSERT INTO appointment (id, patient_id, practitioner_id, type_id, starts_at, ends_at, "
                       "status, created_at, updated_at) VALUES (%1, %2, 1, 2, %3, %4, 'completed', 0, 0)")
                       .arg(id * 10)
                       .arg(patient)
                       .arg(at)
                       .arg(at + 1800)
                << QStringLiteral("INSERT INTO treatment_session (plan_id, appointment_id, sequence_no, created_at) "
                                  "VALUES (%1, %2, 1, 0)")
                       .arg(id)
                       .arg(id * 10);
        }
        if (bookedNext) {
            const qint64 at = nextAt ? nextAt : newYorkAt(last.addDays(30), 10);
            sql << QStringLiteral(
                       "INSERT INTO appointment (id, patient_id, practitioner_id, type_id, starts_at, ends_at, "
                       "status, cancel_reason, created_at, updated_at) VALUES (%1, %2, 1, 2, %3, %4, '%5', 'x', 0, 0)")
                       .arg(id * 10 + 1)
                       .arg(patient)
                       .arg(at)
                       .arg(at + 1800)
                       .arg(nextStatus)
                << QStringLiteral("INSERT INTO treatment_session (plan_id, appointment_id, sequence_no, created_at, "
                                  "performed_at) VALUES (%1, %2, 2, 0, %3)")
                       .arg(id)
                       .arg(id * 10 + 1)
                       .arg(nextPerformed ? QString::number(at + 1800) : QStringLiteral("NULL"));
        }
        QVERIFY(test::runAll(m_temp->database(), sql));
    }

    QStringList names(const QDate &date, int horizon)
    {
        auto list = RecallList(m_temp->database(), QTimeZone("America/New_York")).build(date, horizon);
        if (!list)
            return {list.error().message()};
        QStringList found;
        for (const RecallEntry &entry : list.value())
            found << QStringLiteral("%1 #%2 %3..%4 %5")
                         .arg(entry.patientName)
                         .arg(entry.nextSequence)
                         .arg(entry.windowStart.toString(Qt::ISODate), entry.windowEnd.toString(Qt::ISODate))
                         .arg(entry.daysLeft);
        return found;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
    }

    void cleanup() { m_temp.reset(); }

    void windowsOpenOpeningAndOverdue()
    {
        const QDate today(2026, 11, 26);
        plan(1, today.addDays(-28)); // window opens today (first day)
        plan(2, today.addDays(-42)); // window closes today (last day)
        plan(4, today.addDays(-43)); // closed yesterday: overdue
        QCOMPARE(names(today, 0), (QStringList{QStringLiteral("Wei Wang #2 2026-11-11..2026-11-25 -1"),
                                               QStringLiteral("Jürgen Müller #2 2026-11-12..2026-11-26 0"),
                                               QStringLiteral("Joanna Smith #2 2026-11-26..2026-12-10 14")}));
    }

    void horizonIncludesWindowsOpeningSoon()
    {
        const QDate today(2026, 11, 26);
        plan(1, today.addDays(-21)); // opens in 7 days
        QCOMPARE(names(today, 6), QStringList());
        QCOMPARE(names(today, 7), QStringList{QStringLiteral("Joanna Smith #2 2026-12-03..2026-12-17 21")});
    }

    void bookedStoppedAndArchivedAreLeftOut()
    {
        const QDate today(2026, 11, 26);
        plan(1, today.addDays(-30), true);
        plan(2, today.addDays(-30), false, QStringLiteral("stopped"));
        plan(3, today.addDays(-30)); // archived patient
        QCOMPARE(names(today, 14), QStringList());
    }

    void cancelledOrMissedSessionFreesThePlanForRecall()
    {
        const QDate today(2026, 11, 26);
        plan(1, today.addDays(-30), true, QStringLiteral("active"), QStringLiteral("cancelled"));
        plan(2, today.addDays(-30), true, QStringLiteral("active"), QStringLiteral("no_show"),
             newYorkAt(today.addDays(-2), 10));
        QCOMPARE(names(today, 0), (QStringList{QStringLiteral("Joanna Smith #2 2026-11-24..2026-12-08 12"),
                                               QStringLiteral("Jürgen Müller #2 2026-11-24..2026-12-08 12")}));
    }

    void sessionUnderWayOrBookedEarlierTodayCountsAsBooked()
    {
        // Booked this morning and never marked arrived: still the plan's next session, not a reason to call.
        const QDate today(2026, 11, 26);
        plan(1, today.addDays(-30), true, QStringLiteral("active"), QStringLiteral("booked"), newYorkAt(today, 8));
        plan(2, today.addDays(-30), true, QStringLiteral("active"), QStringLiteral("arrived"), newYorkAt(today, 9));
        plan(4, today.addDays(-30), true, QStringLiteral("active"), QStringLiteral("in_treatment"),
             newYorkAt(today, 11));
        QCOMPARE(names(today, 14), QStringList());
    }

    void sessionRecordedAsPerformedIsNotBookedAhead()
    {
        // Session 2 recorded as performed on 2026-11-24 while its appointment still says booked: the plan waits for
        // session 3, 4 to 6 weeks after it.
        const QDate today(2026, 11, 26);
        plan(1, today.addDays(-30), true, QStringLiteral("active"), QStringLiteral("booked"),
             newYorkAt(today.addDays(-2), 10), true);
        QCOMPARE(names(today, 30), QStringList{QStringLiteral("Joanna Smith #3 2026-12-22..2027-01-05 40")});
    }

    void planWithoutSessionsCountsFromItsCreation()
    {
        plan(1, QDate());
        const QStringList found = names(QDate(2026, 11, 26), 14);
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.constFirst().startsWith(QStringLiteral("Joanna Smith #1 1969-12-31")),
                 qPrintable(found.join(u'|')));
    }

    void badHorizon()
    {
        auto list = RecallList(m_temp->database(), QTimeZone("America/New_York")).build(QDate(2026, 11, 26), -1);
        QCOMPARE(list.error().field(), QStringLiteral("horizon"));
    }
};

QTEST_GUILESS_MAIN(TestRecallList)
#include "tst_recalllist.moc"
