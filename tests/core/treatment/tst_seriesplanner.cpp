#include "FakeClock.h"
#include "PlanClinic.h"
#include "calendar/BlockoutRepository.h"
#include "calendar/BookingService.h"
#include "treatment/SeriesPlanner.h"

#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;
using test::newYorkText;

// SeriesPlanner: every remaining session of a plan inside its interval window after the previous one, on
// free time of the lead practitioner, with DST, blockouts, a full calendar, screening stops and a changed
// date re-planning the later ones. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestSeriesPlanner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    TreatmentPlan create(TreatmentPlan plan)
    {
        auto created = TreatmentPlanRepository(m_temp->database(), m_clock).create(plan);
        if (!created)
            qWarning("%s", qPrintable(created.error().message()));
        return created.ok() ? created.value() : plan;
    }

    static QStringList describe(const CourseProposal &proposal)
    {
        QStringList lines;
        for (const ProposedSession &s : proposal.sessions) {
            const char *timing = s.timing == SessionTiming::InWindow ? "in"
                                 : s.timing == SessionTiming::Early  ? "early"
                                 : s.timing == SessionTiming::Late   ? "late"
                                                                     : "first";
            lines << QStringLiteral("%1 %2 %3").arg(s.sequence).arg(newYorkText(s.startsAt), QLatin1String(timing));
        }
        return lines;
    }

    // Patient 1 answers yes to screening question `question` (an event on `eventDate`) now, then a 2-session plan
    // of theirs is proposed.
    Result<CourseProposal> proposeAfterYes(int question, const QString &eventDate)
    {
        const bool answered =
            test::runAll(m_temp->database(),
                         {QStringLiteral("INSERT INTO screening_answer (patient_id, question_id, answer, "
                                         "event_date, answered_at) VALUES (1, %1, 1, '%2', %3)")
                              .arg(question)
                              .arg(eventDate)
                              .arg(m_clock.now().toSecsSinceEpoch())});
        if (!answered)
            return Error::storage(QStringLiteral("screening_answer"), QStringLiteral("the answer was not stored"));
        const TreatmentPlan plan = create(test::microneedlingPlan(2, 4, 6));
        return SeriesPlanner(m_temp->database(), m_clock).propose(plan);
    }

    qint64 appointmentCount()
    {
        return test::scalar(m_temp->database(), QStringLiteral("SELECT count(*) FROM appointment"));
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
    }

    void cleanup() { m_temp.reset(); }

    void eachSessionInsideItsWindow()
    {
        const TreatmentPlan plan = create(test::microneedlingPlan(4, 4, 6));
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY2(proposal.ok(), proposal.ok() ? "" : qPrintable(proposal.error().message()));
        QCOMPARE(describe(proposal.value()),
                 (QStringList{QStringLiteral("1 2026-11-26 09:00 first"), QStringLiteral("2 2026-12-24 09:00 in"),
                              QStringLiteral("3 2027-01-21 09:00 in"), QStringLiteral("4 2027-02-18 09:00 in")}));
        const ProposedSession &second = proposal.value().sessions.at(1);
        QCOMPARE(second.windowStart, QDate(2026, 12, 24));
        QCOMPARE(second.windowEnd, QDate(2027, 1, 7));
        QCOMPARE(second.practitionerId, qint64(1));
        QVERIFY(second.roomId.has_value());
        QCOMPARE(appointmentCount(), qint64(0)); // proposing writes nothing
    }

    void preferredWeekdaysAndTimes()
    {
        TreatmentPlan plan = test::microneedlingPlan(3, 4, 6);
        plan.preferredWeekdays = 1 << 1; // Tuesday
        plan.preferredStartMin = 14 * 60;
        plan.preferredEndMin = 17 * 60;
        plan = create(plan);
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(proposal.ok());
        QCOMPARE(describe(proposal.value()),
                 (QStringList{QStringLiteral("1 2026-12-01 14:00 first"), QStringLiteral("2 2026-12-29 14:00 in"),
                              QStringLiteral("3 2027-01-26 14:00 in")}));
    }

    void wallClockTimeKeptAcrossDaylightSaving()
    {
        // New York springs forward on 2027-03-14: session 5 on 2027-03-18 is still at 09:00 local (13:00 UTC).
        const TreatmentPlan plan = create(test::microneedlingPlan(5, 4, 6));
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(proposal.ok());
        const ProposedSession &fourth = proposal.value().sessions.at(3);
        const ProposedSession &fifth = proposal.value().sessions.at(4);
        QCOMPARE(newYorkText(fifth.startsAt), QStringLiteral("2027-03-18 09:00"));
        QCOMPARE(fifth.windowStart, QDate(2027, 3, 18));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(fourth.startsAt, QTimeZone::utc()).time(), QTime(14, 0));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(fifth.startsAt, QTimeZone::utc()).time(), QTime(13, 0));
        // The window counts calendar days, not 24-hour steps: 28 days although one day had 23 hours.
        QCOMPARE(fourth.date.daysTo(fifth.date), qint64(28));
    }

    void blockoutsPushASessionLater()
    {
        Blockout closed;
        closed.startsAt = newYorkAt(QDate(2026, 12, 24), 0);
        closed.endsAt = newYorkAt(QDate(2026, 12, 29), 0);
        closed.reason = QStringLiteral("Holidays");
        QVERIFY(BlockoutRepository(m_temp->database(), m_clock).add(closed).ok());
        const TreatmentPlan plan = create(test::microneedlingPlan(3, 4, 6));
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(proposal.ok());
        QCOMPARE(describe(proposal.value()),
                 (QStringList{QStringLiteral("1 2026-11-26 09:00 first"), QStringLiteral("2 2026-12-29 09:00 in"),
                              QStringLiteral("3 2027-01-26 09:00 in")}));
    }

    void fullCalendarSaysWhichSessionAndWhy()
    {
        // Dr. Hiers is fully booked for the whole window of session 2 (2026-12-24 .. 2027-01-07).
        QStringList sql;
        for (QDate day(2026, 12, 24); day <= QDate(2027, 1, 7); day = day.addDays(1)) {
            QList<std::pair<int, int>> spans;
            if (day.dayOfWeek() <= 5)
                spans = {{9, 12}, {13, 17}};
            else if (day.dayOfWeek() == 6)
                spans = {{9, 13}};
            for (const auto &[from, to] : spans)
                sql << QStringLiteral(
                           "INSERT INTO appointment (patient_id, practitioner_id, type_id, starts_at, "
                           "ends_at, status, created_at, updated_at) VALUES (2, 1, 2, %1, %2, 'booked', 0, 0)")
                           .arg(newYorkAt(day, from))
                           .arg(newYorkAt(day, to));
        }
        QVERIFY(test::runAll(m_temp->database(), sql));
        const qint64 before = appointmentCount();
        const TreatmentPlan plan = create(test::microneedlingPlan(4, 4, 6));
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(!proposal.ok());
        QCOMPARE(proposal.error().code(), QStringLiteral("rule.plan.no_time"));
        QVERIFY2(proposal.error().message().contains(QStringLiteral("Session 2 of 4")),
                 qPrintable(proposal.error().message()));
        QVERIFY(proposal.error().message().contains(QStringLiteral("2026-12-24")));
        QVERIFY(proposal.error().message().contains(QStringLiteral("booked or blocked")));
        QCOMPARE(appointmentCount(), before);
    }

    void practitionerNotWorkingOnPreferredDays()
    {
        TreatmentPlan plan = test::microneedlingPlan(2, 4, 6);
        plan.preferredWeekdays = 1 << 6; // Sunday: the clinic is closed and Dr. Hiers is off
        plan = create(plan);
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(!proposal.ok());
        QCOMPARE(proposal.error().code(), QStringLiteral("rule.plan.no_time"));
        QVERIFY2(proposal.error().message().contains(QStringLiteral("Session 1 of 2")),
                 qPrintable(proposal.error().message()));
        QVERIFY(proposal.error().message().contains(QStringLiteral("does not work")));
    }

    void screeningStopsAreCheckedForEveryDate()
    {
        // Isotretinoin last taken on 2026-06-15: the 180-day stop covers every date before 2026-12-12.
        auto proposal = proposeAfterYes(3, QStringLiteral("2026-06-15"));
        QVERIFY2(proposal.ok(), proposal.ok() ? "" : qPrintable(proposal.error().message()));
        QCOMPARE(describe(proposal.value()).value(0), QStringLiteral("1 2026-12-12 09:00 first"));
    }

    void screeningCautionsAreJudgedOnEachSessionsDate()
    {
        // Neurotoxin injected on 2026-11-20: the 14-day caution covers the first session, not the second.
        auto proposal = proposeAfterYes(12, QStringLiteral("2026-11-20"));
        QVERIFY2(proposal.ok(), proposal.ok() ? "" : qPrintable(proposal.error().message()));
        QCOMPARE(proposal.value().sessions.size(), 2);
        const QList<ScreeningFinding> first = proposal.value().sessions.at(0).cautions;
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.constFirst().name, QStringLiteral("Neurotoxin within 14 days"));
        QVERIFY(proposal.value().sessions.at(1).cautions.isEmpty());
    }

    void changingADateReplansTheLaterOnes()
    {
        const TreatmentPlan plan = create(test::microneedlingPlan(4, 4, 6));
        SeriesPlanner planner(m_temp->database(), m_clock);
        auto proposal = planner.propose(plan);
        QVERIFY(proposal.ok());
        auto changed = planner.change(plan, proposal.value(), 2, QDate(2027, 1, 5));
        QVERIFY2(changed.ok(), changed.ok() ? "" : qPrintable(changed.error().message()));
        QCOMPARE(describe(changed.value()),
                 (QStringList{QStringLiteral("1 2026-11-26 09:00 first"), QStringLiteral("2 2027-01-05 09:00 in"),
                              QStringLiteral("3 2027-02-02 09:00 in"), QStringLiteral("4 2027-03-02 09:00 in")}));
        QVERIFY(changed.value().sessions.at(1).chosen);

        // A chosen time; earlier than the minimum interval is flagged, not refused, until booking.
        auto early = planner.change(plan, changed.value(), 2, QDate(2026, 12, 10), 14 * 60);
        QVERIFY(early.ok());
        QCOMPARE(describe(early.value()).value(1), QStringLiteral("2 2026-12-10 14:00 early"));
        QVERIFY(early.value().needsIntervalOverride());
        QCOMPARE(describe(early.value()).value(2), QStringLiteral("3 2027-01-07 09:00 in"));

        // A time outside the practitioner's hours is refused with the booking rule's name.
        auto closed = planner.change(plan, changed.value(), 2, QDate(2027, 1, 5), 7 * 60);
        QVERIFY(!closed.ok());
        QVERIFY2(closed.error().code().startsWith(QStringLiteral("rule.hours")), qPrintable(closed.error().code()));
    }

    void stoppedPlanProposesNothing()
    {
        TreatmentPlan plan = create(test::microneedlingPlan());
        QVERIFY(TreatmentPlanRepository(m_temp->database(), m_clock)
                    .changeStatus(plan.id, PlanSummary::Status::Stopped, QStringLiteral("Moved away"))
                    .ok());
        plan = TreatmentPlanRepository(m_temp->database(), m_clock).find(plan.id).value();
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(!proposal.ok());
        QCOMPARE(proposal.error().code(), QStringLiteral("rule.plan.status"));
    }
};

QTEST_GUILESS_MAIN(TestSeriesPlanner)
#include "tst_seriesplanner.moc"
