#include "FakeClock.h"
#include "PlanClinic.h"
#include "ScheduleMouse.h"
#include "ScriptedPrompter.h"
#include "calendar/AppointmentRepository.h"
#include "session/ClinicSession.h"
#include "treatment/CourseBooker.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"

#include "ui/widgets/DateField.h"
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;
using ui::ScheduleArea;
using ui::ScheduleView;

// Dragging a treatment-plan session on the schedule's week view to an earlier day than the plan's minimum
// interval allows: the drop asks for an override reason; without one the block snaps back and the message bar
// names the rule's session and window; with one it moves, the reason kept and audited. The plan has 3 sessions
// 4-6 weeks apart: session 1 Tue 2026-12-01 10:00, session 2 Thu 2026-12-31 10:00 (window 2026-12-29 to
// 2027-01-12), both with Dr. Hiers. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestPlanSessionMove : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<ScheduleArea> m_area;
    qint64 m_second = 0;

    ScheduleView *view() const { return m_area->scheduleView(); }
    qint64 count(const QString &sql) { return test::scalar(m_temp->database(), sql); }
    qint64 startOf(qint64 id) const
    {
        return AppointmentRepository(m_temp->database(), m_clock).find(id).value().startsAt;
    }

    // The week view's column of `day`, or -1.
    int dayColumn(QDate day) const
    {
        const auto &columns = view()->model().scheduleColumns();
        for (int column = 0; column < columns.size(); ++column) {
            if (columns.at(column).day == day)
                return column;
        }
        return -1;
    }

    // Drags the session's block, by its middle, into the column of `day` at the same time.
    void dragTo(qint64 appointmentId, QDate day)
    {
        const QPoint from = view()->appointmentRect(appointmentId).center();
        test::ScheduleMouse{view()}.drag(from,
                                         QPoint(view()->slotRect(dayColumn(day), 10 * 60).center().x(), from.y()));
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_prompter = {};
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow, 365));
        const TreatmentPlan plan =
            TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan(3, 4, 6)).value();
        CourseBooker booker(m_temp->database(), m_clock);
        QVERIFY(booker.bookSession(plan, 1, test::bookingRequest(0, 1, 0, newYorkAt(QDate(2026, 12, 1), 10))).ok());
        auto second = booker.bookSession(plan, 2, test::bookingRequest(0, 1, 0, newYorkAt(QDate(2026, 12, 31), 10)));
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message()));
        m_second = second.value().id;

        auto opened = m_temp->reopen();
        QVERIFY(opened);
        m_session = ClinicSession::adopt(std::move(opened).value(), m_clock);
        m_area = std::make_unique<ScheduleArea>(*m_session, m_prompter);
        m_area->resize(1400, 900);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
        m_area->setWeekPractitioner(1);
        m_area->setMode(ScheduleModel::Mode::Week);
        m_area->setDate(QDate(2026, 12, 31));
        view()->scrollToMinute(9 * 60);
        QVERIFY(dayColumn(QDate(2026, 12, 28)) >= 0);
        QVERIFY(!view()->appointmentRect(m_second).isEmpty());
    }

    void cleanup()
    {
        m_area.reset();
        m_session.reset();
        m_temp.reset();
    }

    void tooEarlyDropSnapsBackWithTheRulesReason()
    {
        const QRect before = view()->appointmentRect(m_second);
        const qint64 audits = count(QStringLiteral("SELECT count(*) FROM audit_log"));
        // Monday 2026-12-28 is a day before the window opens; the question is cancelled.
        dragTo(m_second, QDate(2026, 12, 28));
        QCOMPARE(m_prompter.textsAskedFor.size(), 1);
        QVERIFY2(m_prompter.textsAskedFor.first().contains(QStringLiteral("Session 2 of 3")),
                 qPrintable(m_prompter.textsAskedFor.first()));
        QTRY_VERIFY(m_area->messageText().contains(QStringLiteral("Session 2 of 3")));
        QVERIFY2(m_area->messageText().contains(QStringLiteral("2026-12-29 to 2027-01-12")),
                 qPrintable(m_area->messageText()));
        QCOMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 31), 10));
        QCOMPARE(view()->appointmentRect(m_second), before);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), audits);
        m_area->grab().save(QStringLiteral("/tmp/plansessionmove-refused.png"));

        // A blank reason is no reason: it snaps back again.
        m_prompter.textAnswers = {QStringLiteral("   ")};
        dragTo(m_second, QDate(2026, 12, 28));
        QCOMPARE(m_prompter.textsAskedFor.size(), 2);
        QCOMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 31), 10));
        QCOMPARE(view()->appointmentRect(m_second), before);
        QVERIFY(m_area->messageText().contains(QStringLiteral("Session 2 of 3")));
    }

    void exactlyTheMinimumMovesWithoutAsking()
    {
        dragTo(m_second, QDate(2026, 12, 29));
        QTRY_COMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 29), 10));
        QVERIFY(m_prompter.textsAskedFor.isEmpty());
        QVERIFY(m_area->messageText().isEmpty());
    }

    void anOverrideReasonMovesItAndUndoPutsItBack()
    {
        const QRect before = view()->appointmentRect(m_second);
        m_prompter.textAnswers = {QStringLiteral("Travelling from 2 January")};
        dragTo(m_second, QDate(2026, 12, 28));
        QTRY_COMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 28), 10));
        QCOMPARE(m_prompter.textsAskedFor.size(), 1);
        QVERIFY(m_area->messageText().isEmpty());
        QCOMPARE(view()->appointmentRect(m_second).center().x(),
                 view()->slotRect(dayColumn(QDate(2026, 12, 28)), 600).center().x());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE sequence_no = 2 AND "
                                      "interval_override_reason = 'Travelling from 2 January'")),
                 qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'interval_override' AND "
                                      "details LIKE '%Travelling from 2 January%'")),
                 qint64(1));

        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 31), 10));
        QCOMPARE(view()->appointmentRect(m_second), before);
        // Back inside its window it needs no reason: the reason goes with the undo.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE interval_override_reason <> ''")),
                 qint64(0));
        // Redo applies the rule again with the same reason, without asking.
        m_area->undoStack()->redo();
        QTRY_COMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 28), 10));
        QCOMPARE(m_prompter.textsAskedFor.size(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE sequence_no = 2 AND "
                                      "interval_override_reason = 'Travelling from 2 January'")),
                 qint64(1));
    }

    void rescheduleFromTheMenuAsksTheSameQuestion()
    {
        // "Reschedule..." opens the booking form on the appointment; saving an earlier date asks for the reason.
        ui::BookingDialog dialog(*m_session, m_prompter);
        QVERIFY(dialog.editAppointment(m_second).ok());
        dialog.findChild<ui::DateField *>(QStringLiteral("dateEdit"))->setDate(QDate(2026, 12, 28));
        QTRY_VERIFY(dialog.submitButton()->isEnabled());
        dialog.submit();
        QCOMPARE(m_prompter.textsAskedFor.size(), 1);
        QVERIFY2(dialog.outcomeText().contains(QStringLiteral("Session 2 of 3")), qPrintable(dialog.outcomeText()));
        QCOMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 31), 10));
        QVERIFY(dialog.result() != QDialog::Accepted);

        m_prompter.textAnswers = {QStringLiteral("Only free that week")};
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(startOf(m_second), newYorkAt(QDate(2026, 12, 28), 10));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM treatment_session WHERE "
                                      "interval_override_reason = 'Only free that week'")),
                 qint64(1));
    }
};

QTEST_MAIN(TestPlanSessionMove)
#include "tst_ui_plansessionmove.moc"
