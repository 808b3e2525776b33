#include "FakeClock.h"
#include "PlanClinic.h"
#include "TestSession.h"
#include "calendar/BookingService.h"
#include "ui/plans/CourseDialog.h"
#include "ui/widgets/DateField.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace dermdesk;
using dermdesk::ui::CourseDialog;

// "Book course": the receptionist reviews the proposed sessions, moves one to another day (the later ones
// follow), and books them all with one click; a conflict found at booking books nothing and says which
// session. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestCourseDialog : public QObject
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
    TreatmentPlan m_plan;

    qint64 planAppointments()
    {
        return test::scalar(m_temp->database(),
                            QStringLiteral("SELECT count(*) FROM treatment_session WHERE appointment_id IS NOT NULL"));
    }
    static ui::DateField *dateOf(CourseDialog &dialog, int row)
    {
        return qobject_cast<ui::DateField *>(dialog.sessionTable()->cellWidget(row, CourseDialog::DateColumn));
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
        m_plan = TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan(4, 4, 6)).value();
    }

    void cleanup()
    {
        m_session.reset();
        m_temp.reset();
    }

    void changeADateThenBookAll()
    {
        CourseDialog dialog(session(), m_plan.id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.sessionTable()->rowCount(), 4);
        QCOMPARE(dateOf(dialog, 1)->date(), QDate(2026, 12, 24));
        QCOMPARE(dialog.bookButton()->text().remove(QLatin1Char('&')), QStringLiteral("Book All 4"));

        // Session 2 moves to Tuesday 5 January: sessions 3 and 4 are planned again after it.
        ui::DateField *second = dateOf(dialog, 1);
        second->setFocus();
        second->setDate(QDate(2027, 1, 5));
        QTest::keyClick(second, Qt::Key_Return);
        QTRY_COMPARE(dateOf(dialog, 2)->date(), QDate(2027, 2, 2));
        QCOMPARE(dateOf(dialog, 3)->date(), QDate(2027, 3, 2));
        QVERIFY(!dialog.overrideReasonEdit()->isVisible());
        dialog.grab().save(QStringLiteral("/tmp/coursedialog.png"));

        QTest::mouseClick(dialog.bookButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(planAppointments(), qint64(4));
        QCOMPARE(test::scalar(m_temp->database(),
                              QStringLiteral("SELECT count(*) FROM appointment a JOIN treatment_session s ON "
                                             "s.appointment_id = a.id WHERE s.sequence_no = 2 AND a.starts_at = %1")
                                  .arg(test::newYorkAt(QDate(2027, 1, 5), 9))),
                 qint64(1));
    }

    void tooEarlyNeedsAReason()
    {
        CourseDialog dialog(session(), m_plan.id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.changeSession(2, QDate(2026, 12, 10));
        QTRY_VERIFY(dialog.overrideReasonEdit()->isVisible());
        QVERIFY(dialog.sessionTable()->item(1, CourseDialog::NoteColumn)->text().contains(QStringLiteral("earlier")));
        QTest::mouseClick(dialog.bookButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("minimum interval")),
                 qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(planAppointments(), qint64(0));
        QTest::keyClicks(dialog.overrideReasonEdit(), QStringLiteral("Abroad in January"));
        QTest::mouseClick(dialog.bookButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(planAppointments(), qint64(4));
    }

    void aConflictAtBookingBooksNothing()
    {
        CourseDialog dialog(session(), m_plan.id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Another desk takes session 3's time while the receptionist is on the phone.
        const ProposedSession third = dialog.proposal()->sessions.at(2);
        QVERIFY(BookingService(m_temp->database(), m_clock).book(test::bookingRequest(2, 1, 2, third.startsAt)).ok());
        QTest::mouseClick(dialog.bookButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().startsWith(QStringLiteral("Session 3 of 4")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(planAppointments(), qint64(0));
        dialog.grab().save(QStringLiteral("/tmp/coursedialog-conflict.png"));
    }
};

QTEST_MAIN(TestCourseDialog)
#include "tst_ui_coursedialog.moc"
