#include "AuditDetails.h"
#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "ScriptedPrompter.h"
#include "calendar/BookingService.h"
#include "patients/ScreeningRepository.h"
#include "session/ClinicSession.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"

#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;
using ui::ScheduleArea;
using ui::ScheduleView;

namespace {
// Friday; the clock says Thursday 2026-11-26 09:00 in New York.
const QDate friday(2026, 11, 27);
} // namespace

// The schedule area as a receptionist uses it: click and drag in the painted view, the keyboard,
// the context actions, undo, and another desk's bookings appearing by themselves.
class TestScheduleView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<ScheduleArea> m_area;
    qint64 m_joanna = 0; // Dr. Hiers, 10:00-10:30 consultation
    qint64 m_wei = 0;    // Dr. Hiers, 11:00-11:30 consultation

    ScheduleView *view() const { return m_area->scheduleView(); }

    Appointment stored(qint64 id) const
    {
        return BookingService(m_temp->database(), m_clock).appointments().find(id).value();
    }

    void send(QEvent::Type type, const QPoint &point, Qt::MouseButton button, Qt::MouseButtons buttons)
    {
        QMouseEvent event(type, point, view()->viewport()->mapToGlobal(point), button, buttons, Qt::NoModifier);
        QApplication::sendEvent(view()->viewport(), &event);
    }

    void drag(const QPoint &from, const QPoint &to)
    {
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        const QPoint middle = (from + to) / 2;
        send(QEvent::MouseMove, middle, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    }

    // The y distance of `minutes` on the view's axis.
    int pixels(int minutes) const { return int(std::lround(minutes * view()->geometry()->minuteHeight())); }

    // Drags Joanna's consultation onto Wei's at 11:00 with the same practitioner: refused.
    void refuseAMove()
    {
        view()->scrollToMinute(9 * 60);
        const QRect before = view()->appointmentRect(m_joanna);
        QVERIFY(!before.isEmpty());
        drag(before.center(), before.center() + QPoint(0, pixels(60)));
        QTRY_VERIFY(!m_area->messageText().isEmpty());
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_prompter = {};
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        BookingService repository(m_temp->database(), m_clock);
        m_joanna = repository.book(test::bookingRequest(1, 1, 2, newYorkAt(friday, 10))).value().id;
        m_wei = repository.book(test::bookingRequest(4, 1, 2, newYorkAt(friday, 11))).value().id;
        auto opened = m_temp->reopen();
        QVERIFY(opened);
        m_session = ClinicSession::adopt(std::move(opened).value(), m_clock);
        m_area = std::make_unique<ScheduleArea>(*m_session, m_prompter);
        m_area->resize(1400, 900);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
        m_area->setDate(friday);
        view()->scrollToMinute(9 * 60);
        view()->setFocus();
    }

    void cleanup()
    {
        m_area.reset();
        m_session.reset();
        m_temp.reset();
    }

    void clickSelectsASlotAndDoubleClickBooksIt()
    {
        QSignalSpy book(m_area.get(), &ScheduleArea::bookRequested);
        const int hiers = view()->columnOf(1);
        const int ana = view()->columnOf(2);
        QVERIFY(hiers >= 0 && ana >= 0);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->slotRect(ana, 14 * 60).center());
        QCOMPARE(view()->selectedSlot().column, ana);
        QCOMPARE(view()->selectedSlot().minute, 14 * 60);
        QCOMPARE(book.count(), 0);
        QTest::mouseDClick(view()->viewport(), Qt::LeftButton, {}, view()->slotRect(ana, 14 * 60 + 15).center());
        QCOMPARE(book.count(), 1);
        QCOMPARE(book.at(0).at(0).toLongLong(), qint64(2));
        QCOMPARE(book.at(0).at(1).toLongLong(), qint64(0));
        QCOMPARE(book.at(0).at(2).toLongLong(), newYorkAt(friday, 14, 15));
    }

    void aConflictingDragIsRefusedAndSnapsBack()
    {
        const QRect before = view()->appointmentRect(m_joanna);
        QVERIFY(!before.isEmpty());
        QSignalSpy notes(m_area.get(), &ScheduleArea::statusNote);
        // Onto Wei's 11:00 with the same practitioner.
        drag(before.center(), before.center() + QPoint(0, pixels(60)));
        QTRY_VERIFY(!m_area->messageText().isEmpty());
        // The status bar says it too, where the eye goes after a drop.
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.constFirst().at(0).toString(), QStringLiteral("Not moved: %1").arg(m_area->messageText()));
        QVERIFY2(m_area->messageText().contains(QLatin1String("Dr. Connie Hiers"))
                     || m_area->messageText().contains(QLatin1String("practitioner")),
                 qPrintable(m_area->messageText()));
        QCOMPARE(stored(m_joanna).startsAt, newYorkAt(friday, 10));
        QCOMPARE(view()->appointmentRect(m_joanna), before);
    }

    void aRefusalNamesItsDayAndGoesWhenTheViewChanges()
    {
        refuseAMove();
        QVERIFY2(m_area->messageText().startsWith(QStringLiteral("Fri 27 Nov 10:00, Joanna Smith: ")),
                 qPrintable(m_area->messageText()));
        // Another day: the refusal was about Friday, so it goes (and does not come back with Friday).
        m_area->showNextDay();
        QCOMPARE(m_area->messageText(), QString());
        m_area->showPreviousDay();
        QCOMPARE(m_area->messageText(), QString());

        refuseAMove();
        m_area->setGrouping(ScheduleModel::Grouping::ByRoom);
        QCOMPARE(m_area->messageText(), QString());
        m_area->setGrouping(ScheduleModel::Grouping::ByPractitioner);

        refuseAMove();
        m_area->setMode(ScheduleModel::Mode::CompactWeek);
        QCOMPARE(m_area->messageText(), QString());
    }

    void aValidDragMovesAndUndoPutsItBack()
    {
        const QRect before = view()->appointmentRect(m_joanna);
        drag(before.center(), before.center() + QPoint(0, pixels(4 * 60)));
        QTRY_COMPARE(stored(m_joanna).startsAt, newYorkAt(friday, 14));
        QCOMPARE(stored(m_joanna).endsAt, newYorkAt(friday, 14, 30));
        QVERIFY(m_area->messageText().isEmpty());
        QCOMPARE(view()->appointmentRect(m_joanna).top(), before.top() + pixels(4 * 60));
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(stored(m_joanna).startsAt, newYorkAt(friday, 10));
        QCOMPARE(view()->appointmentRect(m_joanna), before);
    }

    // A treatment dragged to another day where screening cautions apply (here: never screened) asks for the
    // reason first, like the plan's interval; no reason, no move; the reason is audited with the move.
    void draggingATreatmentToAnotherDayAsksAboutScreening()
    {
        const QDate thursday(2026, 11, 26);
        BookingRequest request = test::bookingRequest(4, 1, 1, newYorkAt(thursday, 10));
        request.acknowledgement = QStringLiteral("Form at the desk");
        const qint64 treatment = BookingService(m_temp->database(), m_clock).book(request).value().id;
        m_area->setMode(ScheduleModel::Mode::Week); // Dr. Hiers's week, Monday first
        QTRY_VERIFY(!view()->appointmentRect(treatment).isEmpty());
        const QRect before = view()->appointmentRect(treatment);
        const QPoint saturday(view()->slotRect(5, 10 * 60).center().x(), before.center().y());

        m_prompter.textAnswers = {std::nullopt};
        drag(before.center(), saturday);
        QTRY_COMPARE(m_prompter.textsAskedFor.size(), 1);
        QVERIFY2(m_prompter.textsAskedFor.first().contains(QLatin1String("No screening")),
                 qPrintable(m_prompter.textsAskedFor.first()));
        QCOMPARE(stored(treatment).startsAt, newYorkAt(thursday, 10));
        QVERIFY2(m_area->messageText().contains(QLatin1String("No screening")), qPrintable(m_area->messageText()));

        m_prompter.textAnswers = {QStringLiteral("Only free on Saturday")};
        drag(before.center(), saturday);
        QTRY_COMPARE(stored(treatment).startsAt, newYorkAt(QDate(2026, 11, 28), 10));
        QCOMPARE(test::auditDetails(*m_temp, QStringLiteral("screening.acknowledged"))
                     .value(QLatin1String("reason"))
                     .toString(),
                 QStringLiteral("Only free on Saturday"));
        // Undo takes it back to Thursday without asking again.
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(stored(treatment).startsAt, newYorkAt(thursday, 10));
        QCOMPARE(m_prompter.textsAskedFor.size(), 2);
    }

    // Each treatment block shows its patient's screening state on its day; consultations show none.
    void treatmentBlocksShowTheirScreeningState()
    {
        const qint64 hundredDaysAgo = m_clock.now().toSecsSinceEpoch() - 100 * 86400;
        QVERIFY(
            test::runAll(m_temp->database(),
                         {QStringLiteral("INSERT INTO patient (id, given_name, family_name, created_at, updated_at) "
                                         "VALUES (5, 'Olga', 'Ortiz', 0, 0)")}));
        QVERIFY(test::screenAsClear(*m_temp, {5}, hundredDaysAgo));
        BookingService repository(m_temp->database(), m_clock);
        const auto book = [&repository](qint64 patient, qint64 practitioner, int hour) {
            BookingRequest request = test::bookingRequest(patient, practitioner, 1, newYorkAt(friday, hour));
            request.acknowledgement = QStringLiteral("Screening at the desk");
            auto booked = repository.book(request);
            return booked ? booked.value().id : 0;
        };
        const qint64 notScreened = book(4, 2, 9);
        const qint64 stop = book(1, 2, 11);
        const qint64 caution = book(2, 2, 13);
        const qint64 outOfDate = book(5, 1, 14);
        QVERIFY(notScreened && stop && caution && outOfDate);
        ScreeningAnswer infection; // a stop with no end date
        infection.questionId = 1;
        infection.yes = true;
        ScreeningAnswer anticoagulants; // a caution
        anticoagulants.questionId = 4;
        anticoagulants.yes = true;
        ScreeningRepository answers(m_temp->database(), m_clock);
        QVERIFY(answers.recordAnswers(1, {infection}));
        QVERIFY(answers.recordAnswers(2, {anticoagulants}));
        m_session->announceChanges();
        const auto entry = [this](qint64 id) { return m_area->model()->entry(m_area->model()->rowOf(id)); };
        QCOMPARE(entry(notScreened).screening, ScreeningLevel::NotScreened);
        QCOMPARE(entry(stop).screening, ScreeningLevel::Stop);
        QVERIFY(entry(stop).screeningSummary.contains(QLatin1String("Active skin infection or cold sores")));
        QVERIFY(entry(stop).screeningSummary.contains(QLatin1String("no end date")));
        QCOMPARE(entry(caution).screening, ScreeningLevel::Caution);
        QCOMPARE(entry(outOfDate).screening, ScreeningLevel::OutOfDate);
        QCOMPARE(entry(m_wei).screening, ScreeningLevel::Clear); // a consultation
        QVERIFY(m_area->grab().save(
            QDir(QStringLiteral(DERMDESK_BINARY_DIR)).filePath(QStringLiteral("schedule-screening.png"))));
    }

    void movingIntoThePastAsksFirst()
    {
        // Today 09:00 is now; Ana's 10:00 dragged to 08:00 would start in the past.
        const QDate today(2026, 11, 26);
        BookingService repository(m_temp->database(), m_clock);
        const qint64 id = repository.book(test::bookingRequest(2, 2, 2, newYorkAt(today, 10))).value().id;
        m_area->setDate(today);
        view()->scrollToMinute(7 * 60);
        const QRect block = view()->appointmentRect(id);
        m_prompter.confirmAnswers = {false};
        drag(block.center(), block.center() - QPoint(0, pixels(120)));
        QCOMPARE(m_prompter.confirmations.size(), 1);
        QCOMPARE(stored(id).startsAt, newYorkAt(today, 10));
        m_prompter.confirmAnswers = {true};
        drag(block.center(), block.center() - QPoint(0, pixels(120)));
        QCOMPARE(m_prompter.confirmations.size(), 2);
        QCOMPARE(stored(id).startsAt, newYorkAt(today, 8));
    }

    void dragAcrossColumnsChangesThePractitioner()
    {
        const QRect before = view()->appointmentRect(m_joanna);
        const QRect ana = view()->slotRect(view()->columnOf(2), 10 * 60);
        drag(before.center(), QPoint(ana.center().x(), before.center().y()));
        QTRY_COMPARE(stored(m_joanna).practitionerId, qint64(2));
        QCOMPARE(stored(m_joanna).startsAt, newYorkAt(friday, 10));
    }

    void draggingTheBottomEdgeResizes()
    {
        const QRect before = view()->appointmentRect(m_joanna);
        drag(QPoint(before.center().x(), before.bottom() - 2),
             QPoint(before.center().x(), before.bottom() + pixels(15)));
        QTRY_COMPARE(stored(m_joanna).endsAt, newYorkAt(friday, 10, 45));
        QCOMPARE(stored(m_joanna).startsAt, newYorkAt(friday, 10));
    }

    void deleteCancelsWithAReasonAndUndoRestores()
    {
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->appointmentRect(m_wei).center());
        QCOMPARE(view()->selectedAppointment(), m_wei);
        m_prompter.cancelReasonAnswers = {CancelReason{CancelCategory::Illness, QStringLiteral("flu")}};
        QTest::keyClick(view(), Qt::Key_Delete);
        QCOMPARE(m_prompter.cancelReasonsAskedFor.size(), 1);
        QVERIFY(m_prompter.cancelReasonsAskedFor.first().contains(QLatin1String("Wei Wang")));
        QCOMPARE(stored(m_wei).status, AppointmentStatus::Cancelled);
        QCOMPARE(stored(m_wei).cancelReason, QStringLiteral("Illness: flu"));
        // Still shown (faded), still selected.
        QVERIFY(!view()->appointmentRect(m_wei).isEmpty());
        QCOMPARE(view()->selectedAppointment(), m_wei);
        m_area->undoStack()->undo();
        QCOMPARE(stored(m_wei).status, AppointmentStatus::Booked);
        QVERIFY(stored(m_wei).cancelReason.isEmpty());
    }

    void contextActionsFollowTheStatusMachine()
    {
        auto menu = view()->makeContextMenu(m_joanna);
        QVERIFY(menu);
        const auto action = [&menu](const char *name) { return menu->findChild<QAction *>(QLatin1String(name)); };
        QVERIFY(action("confirmAction")->isEnabled());
        QVERIFY(action("checkInAction")->isEnabled());
        QVERIFY(!action("completeAction")->isEnabled());
        action("confirmAction")->trigger();
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Confirmed);
        menu = view()->makeContextMenu(m_joanna);
        QVERIFY(!action("confirmAction")->isEnabled());
        m_prompter.cancelReasonAnswers = {std::nullopt};
        action("cancelAction")->trigger();
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Confirmed); // the person changed their mind
        QSignalSpy patient(m_area.get(), &ScheduleArea::openPatientRequested);
        action("openPatientAction")->trigger();
        QCOMPARE(patient.count(), 1);
        QCOMPARE(patient.at(0).at(0).toLongLong(), qint64(1));
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Booked);
    }

    void singleKeysTakeTheStatusSteps()
    {
        view()->selectAppointment(m_joanna);
        QTest::keyClick(view(), Qt::Key_C);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Confirmed);
        QTest::keyClick(view(), Qt::Key_M); // completing before check-in is not a legal step: nothing happens
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Confirmed);
        // Friday is tomorrow: checking in, starting and completing each ask first.
        m_prompter.confirmAnswers = {true, true, true};
        QTest::keyClick(view(), Qt::Key_I);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Arrived);
        QTest::keyClick(view(), Qt::Key_S);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::InTreatment);
        QTest::keyClick(view(), Qt::Key_M);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Completed);
        QSignalSpy patient(m_area.get(), &ScheduleArea::openPatientRequested);
        QTest::keyClick(view(), Qt::Key_P);
        QCOMPARE(patient.count(), 1);
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::InTreatment);
    }

    void aStatusKeyOnTomorrowsAppointmentAsksFirst()
    {
        QSignalSpy notes(m_area.get(), &ScheduleArea::statusNote);
        view()->selectAppointment(m_joanna);
        m_prompter.confirmAnswers = {false};
        QTest::keyClick(view(), Qt::Key_I);
        QCOMPARE(m_prompter.confirmations.size(), 1);
        QVERIFY2(m_prompter.confirmations.first().contains(QLatin1String("Joanna Smith's appointment is tomorrow")),
                 qPrintable(m_prompter.confirmations.first()));
        QVERIFY(m_prompter.confirmations.first().contains(QLatin1String("Check in Joanna Smith anyway?")));
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Booked);
        QCOMPARE(notes.constLast().at(0).toString(), QStringLiteral("Nothing changed for Joanna Smith"));
        QCOMPARE(m_area->undoStack()->count(), 0);

        m_prompter.confirmAnswers = {true};
        QTest::keyClick(view(), Qt::Key_I);
        QCOMPARE(m_prompter.confirmations.size(), 2);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Arrived);

        // Confirming ahead of the day is what the desk does all week: no question.
        view()->selectAppointment(m_wei);
        QTest::keyClick(view(), Qt::Key_C);
        QCOMPARE(m_prompter.confirmations.size(), 2);
        QCOMPARE(stored(m_wei).status, AppointmentStatus::Confirmed);
    }

    void aStatusKeyThatCannotActSaysWhy()
    {
        const QDate today(2026, 11, 26);
        BookingService repository(m_temp->database(), m_clock);
        const qint64 today10 = repository.book(test::bookingRequest(4, 2, 2, newYorkAt(today, 10))).value().id;
        m_area->setDate(today);
        QSignalSpy notes(m_area.get(), &ScheduleArea::statusNote);
        view()->selectAppointment(today10);
        QTest::keyClick(view(), Qt::Key_M);
        QCOMPARE(notes.constLast().at(0).toString(),
                 QStringLiteral("Wei Wang has not been checked in: check in (I) and start the treatment (S) first"));
        QTest::keyClick(view(), Qt::Key_I); // today: no question
        QVERIFY(m_prompter.confirmations.isEmpty());
        QCOMPARE(stored(today10).status, AppointmentStatus::Arrived);
        QTest::keyClick(view(), Qt::Key_I);
        QCOMPARE(notes.constLast().at(0).toString(), QStringLiteral("Wei Wang is already checked in"));
        QCOMPARE(stored(today10).status, AppointmentStatus::Arrived);
        // 10:00 has not come yet (it is 09:00): not a no-show.
        QTest::keyClick(view(), Qt::Key_N);
        QCOMPARE(notes.constLast().at(0).toString(), QStringLiteral("Wei Wang is checked in, so cannot be a no-show"));

        m_area->setDate(friday);
        view()->selectAppointment(m_wei);
        m_prompter.cancelReasonAnswers = {CancelReason{CancelCategory::Illness, QStringLiteral("flu")}};
        QTest::keyClick(view(), Qt::Key_Delete);
        QCOMPARE(stored(m_wei).status, AppointmentStatus::Cancelled);
        QTest::keyClick(view(), Qt::Key_I);
        QCOMPARE(notes.constLast().at(0).toString(), QStringLiteral("A cancelled appointment cannot be checked in"));
        QVERIFY(m_prompter.confirmations.isEmpty());
        QCOMPARE(stored(m_wei).status, AppointmentStatus::Cancelled);

        view()->selectSlot(view()->columnOf(2), 14 * 60);
        QTest::keyClick(view(), Qt::Key_C);
        QVERIFY(notes.constLast().at(0).toString().startsWith(QLatin1String("Select an appointment first")));
    }

    void aStatusChangeIsUndoneAndRedoneByName()
    {
        view()->selectAppointment(m_joanna);
        QTest::keyClick(view(), Qt::Key_C);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Confirmed);
        QCOMPARE(m_area->undoStack()->undoText(), QStringLiteral("Confirm Joanna Smith"));
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Booked);
        QCOMPARE(m_area->undoStack()->redoText(), QStringLiteral("Confirm Joanna Smith"));
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stored(m_joanna).status, AppointmentStatus::Confirmed);
        QCOMPARE(m_area->undoStack()->undoText(), QStringLiteral("Confirm Joanna Smith"));
    }

    void closedHoursStandOutFromOpenOnes()
    {
        // Dr. Hiers works from 09:00 on Fridays: 08:00-09:00 is not bookable in her column, 09:00-10:00 is.
        const int hiers = view()->columnOf(1);
        view()->scrollToMinute(7 * 60);
        const QImage image = view()->viewport()->grab().toImage();
        const auto lightness = [&image](const QRect &area) {
            double sum = 0;
            int count = 0;
            for (int y = area.top(); y <= area.bottom(); ++y) {
                for (int x = area.left(); x <= area.right(); ++x, ++count)
                    sum += QColor(image.pixel(x, y)).lightnessF();
            }
            return count ? sum / count : 0.0;
        };
        const QRect closed = view()->slotRect(hiers, 8 * 60 + 15).adjusted(4, 3, -4, -3);
        const QRect open = view()->slotRect(hiers, 9 * 60 + 15).adjusted(4, 3, -4, -3);
        QVERIFY(!closed.isEmpty() && !open.isEmpty());
        const double difference = lightness(open) - lightness(closed);
        QVERIFY2(difference > 0.08, qPrintable(QString::number(difference)));
    }

    void keyboardMovesOpensAndPages()
    {
        QSignalSpy book(m_area.get(), &ScheduleArea::bookRequested);
        QSignalSpy edit(m_area.get(), &ScheduleArea::editRequested);
        const int hiers = view()->columnOf(1);
        view()->selectSlot(hiers, 9 * 60 + 30);
        QTest::keyClick(view(), Qt::Key_Down);
        QCOMPARE(view()->selectedSlot().minute, 9 * 60 + 45);
        QTest::keyClick(view(), Qt::Key_Down); // 10:00 is Joanna's
        QCOMPARE(view()->selectedAppointment(), m_joanna);
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(edit.count(), 1);
        QCOMPARE(edit.at(0).at(0).toLongLong(), m_joanna);
        QTest::keyClick(view(), Qt::Key_Down); // after her: 10:30, free
        QCOMPARE(view()->selectedSlot().minute, 10 * 60 + 30);
        QTest::keyClick(view(), Qt::Key_Right);
        QCOMPARE(view()->selectedSlot().column, view()->columnOf(2));
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(book.count(), 1);
        QCOMPARE(book.at(0).at(2).toLongLong(), newYorkAt(friday, 10, 30));
        QTest::keyClick(view(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(book.count(), 2);
        QTest::keyClick(view(), Qt::Key_PageDown);
        QCOMPARE(m_area->date(), friday.addDays(1));
        QTest::keyClick(view(), Qt::Key_PageUp);
        QTest::keyClick(view(), Qt::Key_PageUp);
        QCOMPARE(m_area->date(), friday.addDays(-1));
        QTest::keyClick(view(), Qt::Key_PageDown);
        QTest::keyClick(view(), Qt::Key_T);
        QCOMPARE(m_area->date(), QDate(2026, 11, 26));
    }

    void weekModesShowTheirColumns()
    {
        m_area->setMode(ScheduleModel::Mode::Week);
        QCOMPARE(m_area->model()->scheduleColumns().size(), 7);
        QVERIFY(!view()->appointmentRect(m_joanna).isEmpty());
        m_area->setMode(ScheduleModel::Mode::CompactWeek);
        QCOMPARE(m_area->model()->scheduleColumns().size(), 14);
        QTest::keyClick(view(), Qt::Key_PageDown);
        QCOMPARE(m_area->date(), friday.addDays(7));
        m_area->setMode(ScheduleModel::Mode::Day);
        m_area->setDate(friday);
        m_area->setGrouping(ScheduleModel::Grouping::ByRoom);
        QCOMPARE(m_area->model()->scheduleColumns().last().title, QStringLiteral("No room"));
    }

    void anotherDesksBookingAppearsByItself()
    {
        auto other = m_temp->reopen();
        QVERIFY(other);
        QCOMPARE(m_area->model()->rowCount(), 2);
        BookingService desk(*other.value(), m_clock);
        QVERIFY(desk.book(test::bookingRequest(2, 2, 2, newYorkAt(friday, 15))));
        view()->selectAppointment(m_wei);
        const int scroll = view()->verticalScrollBar()->value();
        QTRY_COMPARE_WITH_TIMEOUT(m_area->model()->rowCount(), 3, 2000);
        QCOMPARE(view()->selectedAppointment(), m_wei);
        QCOMPARE(view()->verticalScrollBar()->value(), scroll);
    }

    void looksCalm()
    {
        const QString path = QDir(QStringLiteral(DERMDESK_BINARY_DIR)).filePath(QStringLiteral("schedule-view.png"));
        QVERIFY(m_area->grab().save(path));
        m_area->setMode(ScheduleModel::Mode::CompactWeek);
        QVERIFY(m_area->grab().save(
            QDir(QStringLiteral(DERMDESK_BINARY_DIR)).filePath(QStringLiteral("schedule-week.png"))));
    }
};

QTEST_MAIN(TestScheduleView)
#include "tst_ui_scheduleview.moc"
