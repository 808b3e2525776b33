#include "FakeClock.h"
#include "PlanClinic.h"
#include "ScriptedPrompter.h"
#include "TestSession.h"
#include "calendar/BookingService.h"
#include "calendar/CancelReason.h"
#include "treatment/CourseBooker.h"
#include "treatment/PlanListModel.h"
#include "treatment/SeriesPlanner.h"
#include "treatment/TreatmentSessionRepository.h"
#include "ui/plans/PlansArea.h"
#include "ui/plans/RecallPanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace dermdesk;
using dermdesk::ui::PlansArea;

// The Plans area after a moved session: the plan's sessions with the one now too close flagged, "Shift the
// Rest" offered; the recall tab lists a plan with nothing booked. Renders both tabs to PNG for a look.
class TestPlansArea : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<ClinicSession> m_session;

    // The clinic session the widgets under test work on (opened on first use).
    ClinicSession &session()
    {
        if (!m_session)
            m_session = test::openSession(*m_temp, m_clock);
        return *m_session;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
    }

    void cleanup()
    {
        m_session.reset();
        m_temp.reset();
    }

    void movedSessionIsFlaggedAndRecallListsTheOther()
    {
        TreatmentPlanRepository plans(m_temp->database(), m_clock);
        const TreatmentPlan plan = plans.create(test::microneedlingPlan(4, 4, 6)).value();
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(proposal.ok());
        QVERIFY(CourseBooker(m_temp->database(), m_clock).bookCourse(plan, proposal.value()).ok());
        const QList<PlanSession> stored = TreatmentSessionRepository(m_temp->database(), m_clock)
                                              .sessions(plan, ClinicTime(QTimeZone("America/New_York")))
                                              .value();
        RescheduleRequest later;
        later.startsAt = *stored.at(1).startsAt + 14 * 86400;
        QVERIFY(BookingService(m_temp->database(), m_clock).reschedule(*stored.at(1).appointmentId, later).ok());
        // A second patient's active plan with nothing booked: due for a call.
        TreatmentPlan other = test::microneedlingPlan(3, 4, 6);
        other.patientId = 2;
        other.status = PlanSummary::Status::Active;
        QVERIFY(plans.create(other).ok());

        PlansArea area(session(), m_prompter);
        area.resize(1100, 700);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QTRY_COMPARE(area.planView()->model()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            if (area.model()->index(row, 0).data().toString().contains(QStringLiteral("Smith")))
                area.planView()->setCurrentIndex(area.model()->index(row, 0));
        }
        QTRY_COMPARE(area.sessionTable()->rowCount(), 4);
        QVERIFY2(area.sessionTable()->item(2, 4)->text().contains(QStringLiteral("too early")),
                 qPrintable(area.sessionTable()->item(2, 4)->text()));
        QVERIFY(area.findChild<QPushButton *>(QStringLiteral("shiftRestButton"))->isEnabled());
        auto *progress = area.findChild<QLabel *>(QStringLiteral("planProgress"));
        QVERIFY2(progress->text().contains(QStringLiteral("consent not recorded")), qPrintable(progress->text()));
        area.grab().save(QStringLiteral("/tmp/plansarea.png"));

        area.tabs()->setCurrentIndex(1);
        QTRY_COMPARE(area.recallPanel()->view()->model()->rowCount(), 1);
        QVERIFY(area.recallPanel()->html().contains(QStringLiteral("Müller")));
        area.grab().save(QStringLiteral("/tmp/plansarea-recall.png"));
    }

    // A plan on screen while its first session's appointment is cancelled at another desk (another session on the
    // same clinic file) and its second one moved at this desk: the session list shows both at once, without
    // choosing another plan, and keeps the plan and the session row selected.
    void cancelledAndMovedSessionsShowWithoutReselecting()
    {
        const TreatmentPlan plan =
            session().service<TreatmentPlanRepository>().create(test::microneedlingPlan(4, 4, 6)).value();
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(proposal.ok());
        QVERIFY(CourseBooker(m_temp->database(), m_clock).bookCourse(plan, proposal.value()).ok());
        const QList<PlanSession> booked = TreatmentSessionRepository(m_temp->database(), m_clock)
                                              .sessions(plan, ClinicTime(QTimeZone("America/New_York")))
                                              .value();
        QCOMPARE(booked.size(), 4);

        PlansArea area(session(), m_prompter);
        QAbstractItemModelTester tester(area.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        area.resize(1100, 700);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QTRY_COMPARE(area.sessionTable()->rowCount(), 4);
        QCOMPARE(area.selectedPlan(), plan.id);
        QCOMPARE(area.sessionTable()->item(0, 2)->text(), QStringLiteral("booked"));
        area.sessionTable()->selectRow(2);

        // Another desk cancels session 1.
        const std::unique_ptr<ClinicSession> otherDesk = test::openSession(*m_temp, m_clock);
        QVERIFY(otherDesk->service<BookingService>()
                    .cancel(*booked.at(0).appointmentId, CancelReason{CancelCategory::Illness, QStringLiteral("flu")})
                    .ok());
        QTRY_COMPARE(area.sessionTable()->item(0, 2)->text(), QStringLiteral("cancelled"));
        QVERIFY(area.sessionTable()->item(0, 1)->text().isEmpty());

        // This desk moves session 2 a day later.
        RescheduleRequest later;
        later.startsAt = *booked.at(1).startsAt + 86400;
        QVERIFY(session().service<BookingService>().reschedule(*booked.at(1).appointmentId, later).ok());
        const QString moved = QLocale().toString(ClinicTime(QTimeZone("America/New_York")).toLocal(*later.startsAt),
                                                 QStringLiteral("ddd d MMM yyyy  HH:mm"));
        QTRY_COMPARE(area.sessionTable()->item(1, 1)->text(), moved);

        QCOMPARE(area.selectedPlan(), plan.id);
        QCOMPARE(area.sessionTable()->currentRow(), 2);
        area.grab().save(QStringLiteral("/tmp/plansarea-cancelled.png"));
    }
};

QTEST_MAIN(TestPlansArea)
#include "tst_ui_plansarea.moc"
