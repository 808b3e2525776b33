#include "FakeClock.h"
#include "PlanClinic.h"
#include "TestSession.h"
#include "treatment/CourseBooker.h"
#include "treatment/SeriesPlanner.h"
#include "treatment/TreatmentSessionRepository.h"
#include "ui/plans/SessionRecordDialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace dermdesk;
using dermdesk::ui::SessionRecordDialog;

// Recording a session: the practitioner finds the plan's areas and depths filled in, sees the expected
// downtime follow the deepest depth, types the device lot and reaction and saves; the next session's form
// shows what was done last time. A depth out of range is refused by name. Scenario 6 of SCENARIOS.md.
class TestSessionRecordDialog : public QObject
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
    test::FakeClock m_clock;
    QList<qint64> m_appointments;

    static QDoubleSpinBox *depthOf(SessionRecordDialog &dialog, int row)
    {
        return qobject_cast<QDoubleSpinBox *>(dialog.areaTable()->cellWidget(row, SessionRecordDialog::DepthColumn));
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
        const TreatmentPlan plan =
            TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan(3, 4, 6)).value();
        auto proposal = SeriesPlanner(m_temp->database(), m_clock).propose(plan);
        QVERIFY(proposal.ok());
        auto booked = CourseBooker(m_temp->database(), m_clock).bookCourse(plan, proposal.value());
        QVERIFY(booked.ok());
        m_appointments.clear();
        for (const Appointment &a : booked.value())
            m_appointments.append(a.id);
        m_clock.advanceSecs(2 * 3600); // session 1 has been treated
    }

    void cleanup()
    {
        m_session.reset();
        m_temp.reset();
    }

    void recordTheFirstSessionAndSeeItOnTheNext()
    {
        SessionRecordDialog dialog(session(), m_appointments.at(0));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.isPlanSession());
        QCOMPARE(dialog.areaTable()->rowCount(), 2); // the plan's face 1.0 mm and forehead 0.5 mm
        QVERIFY2(dialog.downtimeLabel()->text().contains(QStringLiteral("1–3 days")),
                 qPrintable(dialog.downtimeLabel()->text()));
        QVERIFY(dialog.previousLabel()->text().contains(QStringLiteral("No earlier session")));

        // Deeper on the face: the downtime follows.
        depthOf(dialog, 0)->setValue(1.5);
        QTRY_VERIFY(dialog.downtimeLabel()->text().contains(QStringLiteral("2–4 days")));
        depthOf(dialog, 0)->setValue(1.0);
        QTest::keyClicks(dialog.deviceEdit(), QStringLiteral("SkinPen Precision"));
        QTest::keyClicks(dialog.lotEdit(), QStringLiteral("SP-2611-04"));
        dialog.reactionBox()->setCurrentIndex(dialog.reactionBox()->findText(QStringLiteral("Mild redness")));
        dialog.grab().save(QStringLiteral("/tmp/sessionrecord.png"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(test::scalar(m_temp->database(),
                              QStringLiteral(
                                  "SELECT count(*) FROM treatment_session WHERE cartridge_lot = 'SP-2611-04' "
                                  "AND reaction = 'mild_redness' AND performed_at IS NOT NULL")),
                 qint64(1));

        m_clock.set(QDateTime(QDate(2026, 12, 24), QTime(16, 0), Qt::UTC));
        SessionRecordDialog next(session(), m_appointments.at(1));
        next.show();
        QVERIFY(QTest::qWaitForWindowExposed(&next));
        QVERIFY2(next.previousLabel()->text().contains(QStringLiteral("face 1.0 mm, forehead 0.5 mm")),
                 qPrintable(next.previousLabel()->text()));
        QVERIFY(next.previousLabel()->text().contains(QStringLiteral("mild redness")));
        next.grab().save(QStringLiteral("/tmp/sessionrecord-next.png"));
    }

    void depthOutOfRangeIsRefusedByName()
    {
        SessionRecordDialog dialog(session(), m_appointments.at(0));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        depthOf(dialog, 1)->setValue(3.5);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("forehead")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(test::scalar(m_temp->database(),
                              QStringLiteral("SELECT count(*) FROM treatment_session WHERE recorded_at IS NOT NULL")),
                 qint64(0));
    }
};

QTEST_MAIN(TestSessionRecordDialog)
#include "tst_ui_sessionrecorddialog.moc"
