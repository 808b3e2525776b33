#include "FakeClock.h"
#include "PlanClinic.h"
#include "calendar/BookingService.h"
#include "treatment/CourseBooker.h"
#include "treatment/SessionMoveRule.h"
#include "treatment/TreatmentSessionRepository.h"

#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;
using test::newYorkText;

// SessionMoveRule: moving a plan session earlier than the plan's minimum interval after the session before it is
// refused as rule.plan.interval_min (naming the session and its window) unless a reason is given, which is stored
// on the session and audited with the move; exactly the minimum is fine, later than the maximum only flags, and
// appointments that hold no plan session move as before. "Now" is Thursday 2026-11-26 09:00 in New York; the
// plan has 3 sessions 4-6 weeks apart, booked Tue 2026-12-01, Tue 2027-01-05 and Tue 2027-02-09 at 10:00.
class TestSessionMoveRule : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    TreatmentPlan m_plan;
    QList<qint64> m_appointments;

    qint64 count(const QString &sql) { return test::scalar(m_temp->database(), sql); }
    QList<PlanSession> sessions()
    {
        return TreatmentSessionRepository(m_temp->database(), m_clock)
            .sessions(m_plan, ClinicTime(QTimeZone("America/New_York")))
            .value();
    }
    Result<BookingService::Change> move(qint64 appointmentId, QDate date, const QString &reason = {})
    {
        BookingService appointments(m_temp->database(), m_clock);
        RescheduleRequest request;
        request.startsAt = newYorkAt(date, 10);
        return SessionMoveRule(m_temp->database(), m_clock).reschedule(appointments, appointmentId, request, reason);
    }
    qint64 startOf(qint64 appointmentId)
    {
        return BookingService(m_temp->database(), m_clock).appointments().find(appointmentId).value().startsAt;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
        m_plan = TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan(3, 4, 6)).value();
        CourseBooker booker(m_temp->database(), m_clock);
        m_appointments.clear();
        for (const QDate &date : {QDate(2026, 12, 1), QDate(2027, 1, 5), QDate(2027, 2, 9)}) {
            auto booked = booker.bookSession(m_plan, int(m_appointments.size()) + 1,
                                             test::bookingRequest(0, 1, 0, newYorkAt(date, 10)));
            QVERIFY2(booked.ok(), booked.ok() ? "" : qPrintable(booked.error().message()));
            m_appointments.append(booked.value().id);
        }
        m_plan = TreatmentPlanRepository(m_temp->database(), m_clock).find(m_plan.id).value();
    }

    void cleanup() { m_temp.reset(); }

    void earlierThanTheMinimumIsRefusedByNameAndNothingIsWritten()
    {
        const qint64 audits = count(QStringLiteral("SELECT count(*) FROM audit_log"));
        // Window of session 2: 2026-12-29 to 2027-01-12; Monday 2026-12-28 is a day early.
        const SessionMoveRule rule(m_temp->database(), m_clock);
        const Status checked = rule.check(m_appointments.at(1), newYorkAt(QDate(2026, 12, 28), 10));
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code(), QStringLiteral("rule.plan.interval_min"));

        auto refused = move(m_appointments.at(1), QDate(2026, 12, 28));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), QStringLiteral("rule.plan.interval_min"));
        QCOMPARE(refused.error().kind(), ErrorKind::Rule);
        const QString message = refused.error().message();
        QVERIFY2(message.startsWith(QStringLiteral("Session 2 of 3 on 2026-12-28")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("2026-12-29 to 2027-01-12")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("session 1 on 2026-12-01")), qPrintable(message));
        QCOMPARE(newYorkText(startOf(m_appointments.at(1))), QStringLiteral("2027-01-05 10:00"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), audits);
    }

    void exactlyTheMinimumIsAllowed()
    {
        QVERIFY(SessionMoveRule(m_temp->database(), m_clock)
                    .check(m_appointments.at(1), newYorkAt(QDate(2026, 12, 29), 10))
                    .ok());
        auto moved = move(m_appointments.at(1), QDate(2026, 12, 29));
        QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error().message()));
        QCOMPARE(newYorkText(moved.value().appointment.startsAt), QStringLiteral("2026-12-29 10:00"));
        QCOMPARE(sessions().at(1).timing, SessionTiming::InWindow);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'interval_override'")), qint64(0));
    }

    void anOverrideReasonIsStoredAndAudited()
    {
        QVERIFY(SessionMoveRule(m_temp->database(), m_clock)
                    .check(m_appointments.at(1), newYorkAt(QDate(2026, 12, 23), 10), QStringLiteral("Travelling"))
                    .ok());
        auto moved = move(m_appointments.at(1), QDate(2026, 12, 23), QStringLiteral("  Travelling in January  "));
        QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error().message()));
        const QList<PlanSession> stored = sessions();
        QCOMPARE(stored.at(1).timing, SessionTiming::Early);
        QCOMPARE(stored.at(1).intervalOverrideReason, QStringLiteral("Travelling in January"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'interval_override' AND "
                                      "entity = 'treatment_session' AND details LIKE '%Travelling in January%'")),
                 qint64(1));
        // The move itself is audited as every reschedule is.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'reschedule'")), qint64(1));

        // Already early: a day later (still early) or the same day at another time needs no new reason.
        QVERIFY(move(m_appointments.at(1), QDate(2026, 12, 24)).ok());
        // Earlier again does.
        auto earlier = move(m_appointments.at(1), QDate(2026, 12, 22));
        QVERIFY(!earlier.ok());
        QCOMPARE(earlier.error().code(), QStringLiteral("rule.plan.interval_min"));
    }

    void movedBackIntoItsWindowTheReasonGoes()
    {
        QVERIFY(move(m_appointments.at(1), QDate(2026, 12, 23), QStringLiteral("Travelling")).ok());
        auto back = move(m_appointments.at(1), QDate(2026, 12, 30));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message()));
        QCOMPARE(sessions().at(1).timing, SessionTiming::InWindow);
        QVERIFY(sessions().at(1).intervalOverrideReason.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'interval_override_cleared'")),
                 qint64(1));
        // Session 1 later by two weeks: session 2 is early again, and flagged as such (no old reason hides it).
        QVERIFY(move(m_appointments.at(0), QDate(2026, 12, 15)).ok());
        QCOMPARE(sessions().at(1).timing, SessionTiming::Early);
        QVERIFY(sessions().at(1).intervalOverrideReason.isEmpty());
    }

    void restoringForUndoIsNeverRefused()
    {
        QVERIFY(move(m_appointments.at(1), QDate(2026, 12, 23), QStringLiteral("Travelling")).ok());
        QVERIFY(move(m_appointments.at(1), QDate(2026, 12, 24)).ok());
        BookingService appointments(m_temp->database(), m_clock);
        RescheduleRequest back;
        back.startsAt = newYorkAt(QDate(2026, 12, 23), 10);
        const SessionMoveRule rule(m_temp->database(), m_clock);
        QVERIFY(!rule.reschedule(appointments, m_appointments.at(1), back).ok());
        auto restored =
            rule.reschedule(appointments, m_appointments.at(1), back, QString(), SessionMoveRule::Mode::Restore);
        QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message()));
        QCOMPARE(newYorkText(startOf(m_appointments.at(1))), QStringLiteral("2026-12-23 10:00"));
        QCOMPARE(sessions().at(1).intervalOverrideReason, QStringLiteral("Travelling"));
    }

    void laterThanTheMaximumOnlyFlags()
    {
        // Wednesday 2027-01-20 is after session 2's window closes (2027-01-12): moved, flagged, and session 3
        // (2027-02-09, now before its window opens on 2027-02-17) is flagged by the re-check.
        auto moved = move(m_appointments.at(1), QDate(2027, 1, 20));
        QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error().message()));
        const QList<PlanSession> stored = sessions();
        QCOMPARE(stored.at(1).timing, SessionTiming::Late);
        QCOMPARE(stored.at(2).timing, SessionTiming::Early);
        QVERIFY(stored.at(2).intervalOverrideReason.isEmpty());
    }

    void theFirstSessionHasNoWindowToBreak()
    {
        // Session 1 a day earlier: it has no window; session 2 is then five weeks and a day after it, in its window.
        auto moved = move(m_appointments.at(0), QDate(2026, 11, 30));
        QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error().message()));
        QCOMPARE(sessions().at(1).timing, SessionTiming::InWindow);
    }

    void otherAppointmentsAreUnaffected()
    {
        BookingService appointments(m_temp->database(), m_clock);
        auto consultation = appointments.book(test::bookingRequest(2, 1, 2, newYorkAt(QDate(2026, 12, 2), 14)));
        QVERIFY(consultation.ok());
        const qint64 id = consultation.value().id;
        QVERIFY(SessionMoveRule(m_temp->database(), m_clock).check(id, newYorkAt(QDate(2026, 11, 30), 14)).ok());
        RescheduleRequest request;
        request.startsAt = newYorkAt(QDate(2026, 11, 30), 14);
        auto moved = SessionMoveRule(m_temp->database(), m_clock).reschedule(appointments, id, request);
        QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error().message()));
        QCOMPARE(newYorkText(startOf(id)), QStringLiteral("2026-11-30 14:00"));
        // Other booking rules still apply: Sunday is closed.
        request.startsAt = newYorkAt(QDate(2026, 11, 29), 14);
        QVERIFY(!SessionMoveRule(m_temp->database(), m_clock).reschedule(appointments, id, request).ok());
    }
};

QTEST_GUILESS_MAIN(TestSessionMoveRule)
#include "tst_sessionmoverule.moc"
