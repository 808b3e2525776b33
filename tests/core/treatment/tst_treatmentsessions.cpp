#include "FakeClock.h"
#include "PlanClinic.h"
#include "calendar/BookingService.h"
#include "treatment/CourseBooker.h"
#include "treatment/DowntimeRepository.h"
#include "treatment/PlanProgress.h"
#include "treatment/SeriesPlanner.h"
#include "treatment/TreatmentSessionRepository.h"

#include <QtTest>

using namespace dermdesk;

// Plans, session records and the downtime table: bad input refused by field with nothing written, a session
// recorded on a cancelled appointment refused, the previous session's record, plan progress, and the
// downtime derived from the deepest needle depth through the clinic's editable table.
class TestTreatmentSessions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    qint64 count(const QString &sql) { return test::scalar(m_temp->database(), sql); }

    // A plan with a booked 2-session course; returns the plan.
    TreatmentPlan bookedCourse()
    {
        const TreatmentPlan plan =
            TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan(2, 4, 6)).value();
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan).value();
        if (!CourseBooker(m_temp->database(), m_clock).bookCourse(plan, proposal).ok())
            qWarning("course not booked");
        return TreatmentPlanRepository(m_temp->database(), m_clock).find(plan.id).value();
    }

    SessionRecord faceAndForehead(const SessionRecord &stored)
    {
        SessionRecord record = stored;
        record.practitionerId = 1;
        record.areas = {{QStringLiteral("face"), 1.0}, {QStringLiteral("forehead"), 0.5}};
        record.device = QStringLiteral("SkinPen Precision");
        record.cartridgeLot = QStringLiteral("SP-2611-04");
        record.numbing = QStringLiteral("Topical lidocaine 4%, 20 minutes");
        record.products = QStringLiteral("Hyaluronic acid serum");
        record.reaction = SkinReaction::MildRedness;
        return record;
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

    void badPlansAreRefusedByField_data()
    {
        QTest::addColumn<int>("sessions");
        QTest::addColumn<int>("minWeeks");
        QTest::addColumn<int>("maxWeeks");
        QTest::addColumn<double>("depth");
        QTest::addColumn<QString>("field");
        QTest::newRow("zero sessions") << 0 << 4 << 6 << 1.0 << "sessions";
        QTest::newRow("min above max") << 4 << 6 << 4 << 1.0 << "interval";
        QTest::newRow("zero weeks") << 4 << 0 << 4 << 1.0 << "interval";
        QTest::newRow("too deep") << 4 << 4 << 6 << 3.5 << "depth";
        QTest::newRow("too shallow") << 4 << 4 << 6 << 0.1 << "depth";
    }

    void badPlansAreRefusedByField()
    {
        QFETCH(int, sessions);
        QFETCH(int, minWeeks);
        QFETCH(int, maxWeeks);
        QFETCH(double, depth);
        QFETCH(QString, field);
        TreatmentPlan plan = test::microneedlingPlan(sessions, minWeeks, maxWeeks);
        plan.areas = {{QStringLiteral("face"), depth}};
        auto created = TreatmentPlanRepository(m_temp->database(), m_clock).create(plan);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().field(), field);
        QCOMPARE(created.error().exitCode(), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_plan")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), qint64(0));
    }

    void planStatusAndConsentAreAudited()
    {
        TreatmentPlanRepository plans(m_temp->database(), m_clock);
        const TreatmentPlan plan = plans.create(test::microneedlingPlan()).value();
        QCOMPARE(plans.find(plan.id).value().areas, plan.areas);
        auto noReason = plans.changeStatus(plan.id, PlanSummary::Status::Stopped);
        QVERIFY(!noReason.ok());
        QCOMPARE(noReason.error().field(), QStringLiteral("reason"));
        QVERIFY(plans.recordConsent(plan.id, QStringLiteral("MN-2026-1"), QDate(2026, 11, 26)).ok());
        QVERIFY(plans.changeStatus(plan.id, PlanSummary::Status::Active).ok());
        QVERIFY(plans.changeStatus(plan.id, PlanSummary::Status::Stopped, QStringLiteral("Pregnancy")).ok());
        auto reopen = plans.changeStatus(plan.id, PlanSummary::Status::Active);
        QCOMPARE(reopen.error().code(), QStringLiteral("rule.plan.status"));
        const TreatmentPlan stored = plans.find(plan.id).value();
        QCOMPARE(stored.consentFormVersion, QStringLiteral("MN-2026-1"));
        QCOMPARE(stored.stopReason, QStringLiteral("Pregnancy"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'treatment_plan'")), qint64(4));
    }

    void recordingASession()
    {
        const TreatmentPlan plan = bookedCourse();
        TreatmentSessionRepository sessions(m_temp->database(), m_clock);
        const QList<PlanSession> stored = sessions.sessions(plan, ClinicTime(QTimeZone("America/New_York"))).value();
        const SessionRecord first = sessions.forAppointment(*stored.at(0).appointmentId).value().value();
        QCOMPARE(first.sequence, 1);
        QVERIFY(!first.isRecorded());

        // Not yet treated (an hour before it starts): refused.
        m_clock.advanceSecs(-3600);
        auto tooSoon = sessions.record(faceAndForehead(first));
        QCOMPARE(tooSoon.error().code(), QStringLiteral("rule.session.not_started"));
        m_clock.advanceSecs(3 * 3600);

        SessionRecord deep = faceAndForehead(first);
        deep.areas.append({QStringLiteral("neck"), 3.25});
        auto refused = sessions.record(deep);
        QCOMPARE(refused.error().field(), QStringLiteral("depth"));
        QVERIFY(refused.error().message().contains(QStringLiteral("neck")));
        SessionRecord none = faceAndForehead(first);
        none.areas.clear();
        QCOMPARE(sessions.record(none).error().field(), QStringLiteral("areas"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session_area")), qint64(0));

        QVERIFY(sessions.record(faceAndForehead(first)).ok());
        const SessionRecord saved = sessions.forAppointment(*stored.at(0).appointmentId).value().value();
        QVERIFY(saved.isRecorded());
        QCOMPARE(saved.areasText(), QStringLiteral("face 1.0 mm, forehead 0.5 mm"));
        QCOMPARE(saved.reaction, SkinReaction::MildRedness);
        QCOMPARE(saved.cartridgeLot, QStringLiteral("SP-2611-04"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'record'")), qint64(1));
        // The areas read back in the order they were entered, not by name.
        SessionRecord reordered = saved;
        reordered.areas = {{QStringLiteral("forehead"), 0.5}, {QStringLiteral("face"), 1.0}};
        QVERIFY(sessions.record(reordered).ok());
        QCOMPARE(sessions.forAppointment(*stored.at(0).appointmentId).value().value().areasText(),
                 QStringLiteral("forehead 0.5 mm, face 1.0 mm"));

        // The next session's practitioner sees the previous session's depths and reaction.
        const auto previous = sessions.previousRecord(plan.id, 2).value();
        QVERIFY(previous.has_value());
        QCOMPARE(previous->deepestDepthMm(), 1.0);
        QCOMPARE(previous->reaction, SkinReaction::MildRedness);

        const PlanProgress progress =
            PlanProgress::of(sessions.sessions(plan, ClinicTime(QTimeZone("America/New_York"))).value(),
                             plan.plannedSessions, QDate(2026, 11, 26));
        QCOMPARE(progress.done, 1);
        QCOMPARE(progress.nextSequence, 2);
        QCOMPARE(progress.nextWindowStart, QDate(2026, 12, 24));
        QVERIFY(!progress.overdue);
    }

    void noRecordOnACancelledAppointment()
    {
        const TreatmentPlan plan = bookedCourse();
        TreatmentSessionRepository sessions(m_temp->database(), m_clock);
        const QList<PlanSession> stored = sessions.sessions(plan, ClinicTime(QTimeZone("America/New_York"))).value();
        QVERIFY(BookingService(m_temp->database(), m_clock)
                    .cancel(*stored.at(1).appointmentId, CancelReason{CancelCategory::Illness, QString()})
                    .ok());
        m_clock.set(QDateTime(QDate(2027, 1, 30), QTime(14, 0), Qt::UTC));
        const SessionRecord second = sessions.forAppointment(*stored.at(1).appointmentId).value().value();
        auto refused = sessions.record(faceAndForehead(second));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), QStringLiteral("rule.session.cancelled"));
        QCOMPARE(refused.error().exitCode(), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE recorded_at IS NOT NULL")),
                 qint64(0));
    }

    void downtimeFollowsTheDeepestDepth_data()
    {
        QTest::addColumn<double>("deepest");
        QTest::addColumn<QString>("label");
        QTest::newRow("0.25 mm") << 0.25 << "A few hours";
        QTest::newRow("0.5 mm") << 0.5 << "A few hours";
        QTest::newRow("0.75 mm") << 0.75 << QStringLiteral("1–3 days");
        QTest::newRow("1.0 mm") << 1.0 << QStringLiteral("1–3 days");
        QTest::newRow("1.25 mm") << 1.25 << QStringLiteral("2–4 days");
        QTest::newRow("3.0 mm") << 3.0 << QStringLiteral("4–7 days");
        QTest::newRow("nothing recorded") << 0.0 << "";
    }

    void downtimeFollowsTheDeepestDepth()
    {
        QFETCH(double, deepest);
        QFETCH(QString, label);
        const DowntimeTable table = DowntimeRepository(m_temp->database(), m_clock).load().value();
        QVERIFY(table.validate().ok());
        QCOMPARE(table.labelFor(deepest), label);
    }

    void clinicEditsTheDowntimeTable()
    {
        DowntimeRepository repository(m_temp->database(), m_clock);
        QList<DowntimeBand> bands = repository.load().value().bands();
        bands[1].label = QStringLiteral("1–2 days");
        bands[1].maxHours = 48;
        QVERIFY(repository.save(DowntimeTable(bands)).ok());
        QCOMPARE(repository.load().value().labelFor(1.0), QStringLiteral("1–2 days"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'downtime_band'")), qint64(1));

        // A table that leaves deep sessions without a downtime is refused and nothing changes.
        QList<DowntimeBand> shallow = bands.mid(0, 2);
        auto refused = repository.save(DowntimeTable(shallow));
        QCOMPARE(refused.error().field(), QStringLiteral("downtime"));
        QList<DowntimeBand> reversed = bands;
        reversed[0].minHours = 30;
        reversed[0].maxHours = 2;
        QCOMPARE(repository.save(DowntimeTable(reversed)).error().field(), QStringLiteral("downtime"));
        QCOMPARE(repository.load().value().bands().size(), bands.size());
    }
};

QTEST_GUILESS_MAIN(TestTreatmentSessions)
#include "tst_treatmentsessions.moc"
