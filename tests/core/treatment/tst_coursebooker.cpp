#include "FakeClock.h"
#include "PlanClinic.h"
#include "agenda/AgendaRepository.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "patients/PatientSummary.h"
#include "treatment/CourseBooker.h"
#include "treatment/SeriesPlanner.h"
#include "treatment/TreatmentSessionRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;
using test::newYorkText;

// CourseBooker: a whole course in one transaction (a conflict on session 5 books nothing), the minimum
// interval refused by name unless overridden with an audited reason, and the re-check after a session
// moves or is cancelled, with "shift the rest". "Now" is Thursday 2026-11-26 09:00 in New York.
class TestCourseBooker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    TreatmentPlan create(const TreatmentPlan &plan)
    {
        return TreatmentPlanRepository(m_temp->database(), m_clock).create(plan).value();
    }
    TreatmentPlan reload(qint64 id) { return TreatmentPlanRepository(m_temp->database(), m_clock).find(id).value(); }
    qint64 count(const QString &sql) { return test::scalar(m_temp->database(), sql); }
    // What the schedule shows on each block of the plan's sessions, in session order: "n of N", and "!"
    // after it when the block carries the outside-the-window flag.
    QStringList scheduleMarks(const QList<PlanSession> &stored)
    {
        const auto setup = ScheduleSetup::load(m_temp->database());
        if (!setup)
            return {setup.error().message()};
        const auto entries = AgendaRepository(m_temp->database())
                                 .forSchedule({*stored.first().startsAt, *stored.last().startsAt + 1}, setup.value());
        QStringList marks;
        for (const PlanSession &session : stored) {
            for (const AgendaEntry &entry : entries.value()) {
                if (entry.id == session.appointmentId)
                    marks.append(entry.planSession + (entry.outsideWindow ? QStringLiteral("!") : QString()));
            }
        }
        return marks;
    }
    QList<PlanSession> sessions(const TreatmentPlan &plan)
    {
        return TreatmentSessionRepository(m_temp->database(), m_clock)
            .sessions(plan, ClinicTime(QTimeZone("America/New_York")))
            .value();
    }

    // Books the proposed course of a new 4-session plan; returns the plan.
    TreatmentPlan bookedCourse(int sessionsPlanned = 4)
    {
        const TreatmentPlan plan = create(test::microneedlingPlan(sessionsPlanned, 4, 6));
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        if (!proposal)
            return plan;
        auto booked = CourseBooker(m_temp->database(), m_clock).bookCourse(plan, proposal.value());
        if (!booked)
            qWarning("%s", qPrintable(booked.error().message()));
        return reload(plan.id);
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

    void booksTheWholeCourse()
    {
        const TreatmentPlan plan = bookedCourse(4);
        QCOMPARE(plan.status, PlanSummary::Status::Active);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment WHERE status = 'booked'")), qint64(4));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE appointment_id IS NOT NULL")),
                 qint64(4));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'book_course'")), qint64(1));
        const QList<PlanSession> stored = sessions(plan);
        QCOMPARE(stored.size(), 4);
        for (const PlanSession &session : stored)
            QVERIFY(session.timing == SessionTiming::InWindow || session.timing == SessionTiming::NoWindow);
    }

    void aConflictOnSessionFiveBooksNothing()
    {
        const TreatmentPlan plan = create(test::microneedlingPlan(6, 4, 6));
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(proposal.ok());
        // Someone takes session 5's time with Dr. Hiers after the proposal was made.
        const ProposedSession &fifth = proposal.value().sessions.at(4);
        QVERIFY(BookingService(m_temp->database(), m_clock).book(test::bookingRequest(2, 1, 2, fifth.startsAt)).ok());
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM appointment"));
        const qint64 auditBefore = count(QStringLiteral("SELECT count(*) FROM audit_log"));
        auto booked = CourseBooker(m_temp->database(), m_clock).bookCourse(plan, proposal.value());
        QVERIFY(!booked.ok());
        QCOMPARE(booked.error().code(), QStringLiteral("rule.overlap.practitioner"));
        QVERIFY2(booked.error().message().startsWith(QStringLiteral("Session 5 of 6")),
                 qPrintable(booked.error().message()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), before);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session")), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore);
        QCOMPARE(reload(plan.id).status, PlanSummary::Status::Proposed);
    }

    void earlierThanTheMinimumIntervalNeedsAReason()
    {
        const TreatmentPlan plan = create(test::microneedlingPlan(3, 4, 6));
        SeriesPlanner planner(m_temp->database(), m_clock);
        auto proposal = planner.propose(plan);
        QVERIFY(proposal.ok());
        auto early = planner.change(plan, proposal.value(), 2, QDate(2026, 12, 10));
        QVERIFY(early.ok());
        CourseBooker booker(m_temp->database(), m_clock);
        auto refused = booker.bookCourse(plan, early.value());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), QStringLiteral("rule.plan.interval_min"));
        QVERIFY2(refused.error().message().contains(QStringLiteral("Session 2")),
                 qPrintable(refused.error().message()));
        QVERIFY(refused.error().message().contains(QStringLiteral("2026-12-24")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(0));

        auto booked = booker.bookCourse(plan, early.value(), QStringLiteral("Travelling abroad in January"));
        QVERIFY2(booked.ok(), booked.ok() ? "" : qPrintable(booked.error().message()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE sequence_no = 2 AND "
                                      "interval_override_reason = 'Travelling abroad in January'")),
                 qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE interval_override_reason <> ''")),
                 qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'treatment_session' AND "
                                      "details LIKE '%Travelling abroad%'")),
                 qint64(1));
        QCOMPARE(sessions(reload(plan.id)).at(1).timing, SessionTiming::Early);
        // Booked early on purpose: the schedule does not warn about it.
        QCOMPARE(scheduleMarks(sessions(reload(plan.id))).at(1), QStringLiteral("2 of 3"));
    }

    void moveRechecksLaterSessionsAndShiftTheRestFixesThem()
    {
        TreatmentPlan plan = bookedCourse(4);
        QList<PlanSession> stored = sessions(plan);
        // Session 2 moves two weeks later: session 3 is now too close (early) and is flagged.
        RescheduleRequest later;
        later.startsAt = *stored.at(1).startsAt + 14 * 86400;
        QVERIFY(BookingService(m_temp->database(), m_clock).reschedule(*stored.at(1).appointmentId, later).ok());
        stored = sessions(plan);
        QCOMPARE(stored.at(1).timing, SessionTiming::InWindow);
        QCOMPARE(stored.at(2).timing, SessionTiming::Early);
        QVERIFY(stored.at(2).outsideWindow());
        // The schedule's blocks say the same: "n of N", and the warning on session 3 alone.
        QCOMPARE(scheduleMarks(stored), (QStringList{QStringLiteral("1 of 4"), QStringLiteral("2 of 4"),
                                                     QStringLiteral("3 of 4!"), QStringLiteral("4 of 4")}));

        // Say the desk had kept session 3 early on purpose: shifting it into its window makes the reason void.
        QVERIFY(TreatmentSessionRepository(m_temp->database(), m_clock)
                    .recordIntervalOverride(stored.at(2).sessionId, *stored.at(2).appointmentId, *stored.at(2).startsAt,
                                            QStringLiteral("Patient travels in January"))
                    .ok());

        SeriesPlanner planner(m_temp->database(), m_clock);
        auto shift = planner.shiftRest(plan);
        QVERIFY2(shift.ok(), shift.ok() ? "" : qPrintable(shift.error().message()));
        QCOMPARE(shift.value().sessions.size(), 2); // sessions 3 and 4 move
        QCOMPARE(shift.value().sessions.at(0).appointmentId, stored.at(2).appointmentId);
        QVERIFY(CourseBooker(m_temp->database(), m_clock).shiftRest(plan, shift.value()).ok());
        stored = sessions(plan);
        for (const PlanSession &session : stored)
            QVERIFY2(!session.outsideWindow(), qPrintable(QString::number(session.sequence)));
        QCOMPARE(scheduleMarks(stored), (QStringList{QStringLiteral("1 of 4"), QStringLiteral("2 of 4"),
                                                     QStringLiteral("3 of 4"), QStringLiteral("4 of 4")}));
        QVERIFY(stored.at(2).intervalOverrideReason.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'interval_override_cleared'")),
                 qint64(1));
        QCOMPARE(newYorkText(*stored.at(2).startsAt), QStringLiteral("2027-02-04 09:00"));
        // Moved, not rebooked: same appointments, history kept.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(4));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'shift_rest'")), qint64(1));
    }

    void aFileFromBeforeTheMarksGetsThemOnUpgrade()
    {
        if (m_temp->database().isOnServer())
            QSKIP(
                "An upgrade of a clinic file written by DermDesk 7: clinics on a server start at the current schema.");
        TreatmentPlan plan = bookedCourse(4);
        QList<PlanSession> stored = sessions(plan);
        RescheduleRequest later;
        later.startsAt = *stored.at(1).startsAt + 14 * 86400;
        QVERIFY(BookingService(m_temp->database(), m_clock).reschedule(*stored.at(1).appointmentId, later).ok());
        // The same file as a version-7 DermDesk left it: no marks on the appointments, no triggers.
        {
            QSqlQuery query(m_temp->database().connection());
            QStringList setupCounters;
            QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                                              "'%\\_setup\\_change\\_%' ESCAPE '\\'")));
            while (query.next())
                setupCounters.append(query.value(0).toString());
            QCOMPARE(setupCounters.size(), 24);
            for (const QString &trigger : std::as_const(setupCounters))
                QVERIFY2(query.exec(QStringLiteral("DROP TRIGGER %1").arg(trigger)), qPrintable(trigger));
            for (const char *sql : {"DROP TABLE dermdesk_setup_change",
                                    "DROP INDEX treatment_session_pending",
                                    "DROP INDEX appointment_ahead",
                                    "DROP TRIGGER screening_answer_facts_insert",
                                    "DROP TRIGGER screening_answer_facts_update",
                                    "DROP TRIGGER screening_answer_facts_delete",
                                    "DROP TRIGGER appointment_patient_facts_insert",
                                    "DROP TRIGGER appointment_patient_facts_update",
                                    "DROP VIEW screening_facts",
                                    "ALTER TABLE appointment DROP COLUMN patient_screened_at",
                                    "ALTER TABLE appointment DROP COLUMN patient_screening_yes",
                                    "DROP TRIGGER patient_appointment_names",
                                    "ALTER TABLE appointment DROP COLUMN patient_given_name",
                                    "ALTER TABLE appointment DROP COLUMN patient_family_name",
                                    "ALTER TABLE appointment DROP COLUMN patient_preferred_name",
                                    "DROP TRIGGER treatment_session_plan_marks_insert",
                                    "DROP TRIGGER treatment_session_plan_marks_update",
                                    "DROP TRIGGER treatment_session_plan_marks_delete",
                                    "DROP TRIGGER appointment_plan_marks_update",
                                    "DROP TRIGGER treatment_plan_plan_marks_update",
                                    "DROP VIEW plan_session_facts",
                                    "ALTER TABLE appointment DROP COLUMN plan_sequence",
                                    "ALTER TABLE appointment DROP COLUMN plan_sessions",
                                    "ALTER TABLE appointment DROP COLUMN plan_min_weeks",
                                    "ALTER TABLE appointment DROP COLUMN plan_max_weeks",
                                    "ALTER TABLE appointment DROP COLUMN plan_overridden",
                                    "ALTER TABLE appointment DROP COLUMN plan_previous_at",
                                    "ALTER TABLE clinic_settings DROP COLUMN unscreened_policy",
                                    "ALTER TABLE clinic_settings DROP COLUMN paper_size",
                                    "ALTER TABLE treatment_plan_area DROP COLUMN position",
                                    "ALTER TABLE treatment_session_area DROP COLUMN position",
                                    "DROP INDEX screening_answer_yes",
                                    "DROP INDEX screening_answer_newest",
                                    "PRAGMA user_version = 7"})
                QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
            // A screening answered under version 7: a yes, whose appointments had nothing to say about it.
            QVERIFY(query.exec(QStringLiteral("INSERT INTO screening_answer (patient_id, question_id, answer, "
                                              "event_date, answered_at) VALUES (%1, 11, 1, '2026-11-02', 1796000000)")
                                   .arg(plan.patientId)));
        }
        m_temp->close();
        auto upgraded = m_temp->reopen();
        QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : qPrintable(upgraded.error().message()));
        QCOMPARE(upgraded.value()->schemaVersion(), Database::latestSchemaVersion());
        const auto setup = ScheduleSetup::load(*upgraded.value());
        QVERIFY(setup.ok());
        const auto entries = AgendaRepository(*upgraded.value())
                                 .forSchedule({*stored.first().startsAt, *stored.last().startsAt + 1}, setup.value());
        QVERIFY(entries.ok());
        QStringList marks;
        for (const AgendaEntry &entry : entries.value())
            marks.append(entry.planSession + (entry.outsideWindow ? QStringLiteral("!") : QString()));
        QCOMPARE(marks, (QStringList{QStringLiteral("1 of 4"), QStringLiteral("2 of 4"), QStringLiteral("3 of 4!"),
                                     QStringLiteral("4 of 4")}));
        // The upgrade also gave every appointment its patient's names, which the schedule shows.
        QSqlQuery patient(upgraded.value()->connection());
        QVERIFY(patient.exec(QStringLiteral("SELECT given_name, family_name, preferred_name FROM patient WHERE id = %1")
                                 .arg(entries.value().first().patientId)));
        QVERIFY(patient.next());
        const QString name = PatientSummary::fullName(patient.value(0).toString(), patient.value(1).toString(),
                                                      patient.value(2).toString());
        QVERIFY(!name.isEmpty());
        // ...and what the schedule needs of the patient's screening.
        for (const AgendaEntry &entry : entries.value()) {
            QCOMPARE(entry.patientName, name);
            QCOMPARE(entry.patientScreenedAt, std::optional<qint64>(1796000000));
            QVERIFY(entry.patientScreeningYes);
        }
    }

    void cancelledSessionIsRebookedUnderTheIntervalRule()
    {
        TreatmentPlan plan = bookedCourse(3);
        QList<PlanSession> stored = sessions(plan);
        QVERIFY(BookingService(m_temp->database(), m_clock)
                    .cancel(*stored.at(1).appointmentId, CancelReason{CancelCategory::Illness, QString()})
                    .ok());
        stored = sessions(plan);
        QCOMPARE(stored.at(1).timing, SessionTiming::Unscheduled);
        QCOMPARE(stored.at(2).timing, SessionTiming::NoWindow);
        // Session 3 has no dated session before it now: the schedule does not warn about it.
        QCOMPARE(scheduleMarks(stored).last(), QStringLiteral("3 of 3"));
        const qint64 cancelledId = *stored.at(1).appointmentId;

        CourseBooker booker(m_temp->database(), m_clock);
        // Two weeks after session 1 is earlier than 4 weeks: refused by name.
        auto early = booker.bookSession(plan, 2, test::bookingRequest(0, 1, 0, newYorkAt(QDate(2026, 12, 10), 9)));
        QVERIFY(!early.ok());
        QCOMPARE(early.error().code(), QStringLiteral("rule.plan.interval_min"));
        // A week later than before: inside the window; session 3 (booked 4 weeks after the old date) is now early.
        auto rebooked = booker.bookSession(plan, 2, test::bookingRequest(0, 1, 0, newYorkAt(QDate(2026, 12, 31), 9)));
        QVERIFY2(rebooked.ok(), rebooked.ok() ? "" : qPrintable(rebooked.error().message()));
        stored = sessions(plan);
        QCOMPARE(stored.at(1).appointmentId, std::optional<qint64>(rebooked.value().id));
        QCOMPARE(stored.at(2).timing, SessionTiming::Early);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session")), qint64(3));
        QCOMPARE(scheduleMarks(stored),
                 (QStringList{QStringLiteral("1 of 3"), QStringLiteral("2 of 3"), QStringLiteral("3 of 3!")}));
        // The cancelled appointment is no longer a session of the plan: its block loses the mark.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment WHERE id = %1 AND plan_sequence IS NULL")
                           .arg(cancelledId)),
                 qint64(1));

        // A wider window on the plan: session 3 is inside it, on the schedule too.
        TreatmentPlan widened = reload(plan.id);
        widened.intervalMinWeeks = 2;
        widened.intervalMaxWeeks = 8;
        QVERIFY(TreatmentPlanRepository(m_temp->database(), m_clock).update(widened).ok());
        QCOMPARE(scheduleMarks(sessions(widened)),
                 (QStringList{QStringLiteral("1 of 3"), QStringLiteral("2 of 3"), QStringLiteral("3 of 3")}));
    }
};

QTEST_GUILESS_MAIN(TestCourseBooker)
#include "tst_coursebooker.moc"
