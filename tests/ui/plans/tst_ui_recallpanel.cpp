#include "FakeClock.h"
#include "PlanClinic.h"
#include "TestSession.h"
#include "clinic/ClinicRepository.h"
#include "treatment/CourseBooker.h"
#include "treatment/RecallListModel.h"
#include "treatment/SeriesPlanner.h"
#include "ui/plans/RecallPanel.h"

#include <QAbstractItemModelTester>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace dermdesk;
using dermdesk::ui::RecallPanel;

// The recall panel follows the clinic's recall look-ahead (Clinic Settings) each time it is shown, without a
// restart: a plan whose first window opens in ten days is on the list with the default 14 days and drops off
// when the setting becomes 7; a look-ahead the person chose stays while the setting is unchanged.
class TestRecallPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<ClinicSession> m_session;

    // The clinic session the widgets under test work on (opened on first use).
    ClinicSession &session()
    {
        if (!m_session)
            m_session = test::openSession(*m_temp, m_clock);
        return *m_session;
    }
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};

    void setHorizon(int days)
    {
        ClinicRepository clinic(m_temp->database(), m_clock);
        ClinicSettings settings = *clinic.settings().value();
        settings.recallHorizonDays = days;
        QVERIFY(clinic.saveSettings(settings).ok());
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
    }

    void cleanup()
    {
        m_session.reset();
        m_temp.reset();
    }

    void followsTheClinicsLookAheadWhenShownAgain()
    {
        setHorizon(14);
        // An active plan made ten days from now: its first window opens then.
        test::FakeClock later{m_clock.now().addDays(10)};
        TreatmentPlan plan = test::microneedlingPlan(3, 4, 6);
        plan.status = PlanSummary::Status::Active;
        QVERIFY(TreatmentPlanRepository(m_temp->database(), later).create(plan).ok());

        RecallPanel panel(session());
        auto *horizon = panel.findChild<QSpinBox *>(QStringLiteral("recallHorizon"));
        QVERIFY(horizon);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(horizon->value(), 14);
        QTRY_COMPARE(panel.view()->model()->rowCount(), 1);

        // The person looks further ahead; hiding and showing again keeps it while the setting is unchanged.
        horizon->setValue(30);
        panel.hide();
        panel.show();
        QCOMPARE(horizon->value(), 30);
        QCOMPARE(panel.view()->model()->rowCount(), 1);

        // Clinic Settings changes the look-ahead: shown again, the panel uses it.
        panel.hide();
        setHorizon(7);
        panel.show();
        QTRY_COMPARE(horizon->value(), 7);
        QCOMPARE(panel.view()->model()->rowCount(), 0);
    }

    // A plan due for a call is booked at another desk while the list is open: it leaves the list without reopening.
    void aPlanBookedElsewhereLeavesTheOpenList()
    {
        TreatmentPlan plan = test::microneedlingPlan(3, 4, 6);
        plan.status = PlanSummary::Status::Active;
        plan = TreatmentPlanRepository(m_temp->database(), m_clock).create(plan).value();
        RecallPanel panel(session());
        QAbstractItemModelTester listTester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sortedTester(panel.view()->model(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.view()->model()->rowCount(), 1);

        const std::unique_ptr<ClinicSession> otherDesk = test::openSession(*m_temp, m_clock);
        auto proposal = otherDesk->service<SeriesPlanner>().propose(plan);
        QVERIFY(proposal.ok());
        QVERIFY(otherDesk->service<CourseBooker>().bookCourse(plan, proposal.value()).ok());
        QTRY_COMPARE(panel.view()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestRecallPanel)
#include "tst_ui_recallpanel.moc"
