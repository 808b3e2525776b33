#include "DeskWindow.h"
#include "FrontDeskFixture.h"
#include "calendar/WaitlistRepository.h"
#include "patients/PatientRepository.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/frontdesk/FindSlotDialog.h"
#include "ui/frontdesk/FrontDesk.h"
#include "ui/frontdesk/PractitionerDayAgenda.h"
#include "ui/frontdesk/WaitlistPanel.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/settings/ClinicSettingsDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/DateField.h"

#include <QComboBox>
#include <QDockWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTimeEdit>
#include <QTreeWidget>

using namespace dermdesk;
using ui::MainWindow;

// The front desk inside the main window: the schedule's requests reach the booking form, found slots
// become bookings, time freed by a cancellation is offered to the waitlist, the settings are a shortcut
// away, and every write shows on the schedule at once.
class TestFrontDesk : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;

    [[nodiscard]] ui::FrontDesk *desk() const { return m_window->frontDesk(); }
    [[nodiscard]] ui::ScheduleArea *schedule() const { return m_window->scheduleArea(); }

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        test::pressKey(m_window.get(), key, modifiers);
    }

    [[nodiscard]] PatientSummary patient(qint64 id)
    {
        PatientSummary summary;
        const auto found = PatientRepository(m_fixture.database(), m_fixture.clock).find(id);
        if (found) {
            summary.id = id;
            summary.givenName = found.value().givenName;
            summary.familyName = found.value().familyName;
        }
        return summary;
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_frontdesk"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        // The fixture's patients answered the screening the day before: the desk's flows, not screening, are tested.
        QVERIFY(test::screenFixturePatients(*m_fixture.temp, test::dayBeforeTestNow));
        m_window = test::openDeskWindow(m_fixture);
        QVERIFY(m_window);
    }

    void cleanup()
    {
        m_window.reset();
        m_fixture.close();
    }

    void theDocksStartHiddenSoTheScheduleHasTheWidth()
    {
        QVERIFY(!desk()->waitlistDock()->isVisible());
        QVERIFY(!desk()->practitionerDayDock()->isVisible());
        // Hidden panels are not built, so start-up does not read the waitlist or a day's agenda.
        QVERIFY(!desk()->waitlist());
        QVERIFY(!desk()->practitionerDay());
        press(Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(desk()->waitlistDock()->isVisible());
        QVERIFY(desk()->waitlist());
        press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(desk()->practitionerDayDock()->isVisible());
        QCOMPARE(desk()->practitionerDay()->date(), schedule()->date());
    }

    void ctrlNOnAnEmptySlotBooksThereAndTheScheduleShowsIt()
    {
        ui::ScheduleView *view = schedule()->scheduleView();
        const int column = view->columnOf(1);
        QVERIFY(column >= 0);
        view->selectSlot(column, 10 * 60);
        view->setFocus();
        press(Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(desk()->bookingDialog() && desk()->bookingDialog()->isVisible());
        ui::BookingDialog *dialog = desk()->bookingDialog();
        dialog->patientPicker()->setPatient(patient(4));
        QTRY_VERIFY2(dialog->canSubmit(), qPrintable(dialog->outcomeText()));
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
        QTRY_COMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 4 AND "
                                                    "practitioner_id = 1 AND starts_at = %1")
                                         .arg(test::newYorkAt(QDate(2026, 11, 26), 10))),
                     qint64(1));
        QTRY_COMPARE(schedule()->model()->rowCount(), 1);
        // The status bar says what was booked, and the new block is selected and in view.
        const qint64 id = m_fixture.count(QStringLiteral("SELECT id FROM appointment WHERE patient_id = 4"));
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Booked Wei Wang, Thu 26 Nov 10:00 with Dr. Connie Hiers"));
        QCOMPARE(view->selectedAppointment(), id);
        QVERIFY(view->viewport()->rect().intersects(view->appointmentRect(id)));
    }

    // Selects the appointment `booked` on `day` and presses Ctrl+N; the booking form that opens.
    ui::BookingDialog *bookBeside(qint64 booked, QDate day)
    {
        schedule()->setDate(day);
        ui::ScheduleView *view = schedule()->scheduleView();
        if (!QTest::qWaitFor([&] { return schedule()->model()->rowOf(booked) >= 0; }))
            return nullptr;
        view->selectAppointment(booked);
        view->setFocus();
        press(Qt::Key_N, Qt::ControlModifier);
        if (!QTest::qWaitFor([&] { return desk()->bookingDialog() && desk()->bookingDialog()->isVisible(); }))
            return nullptr;
        return desk()->bookingDialog();
    }

    // Ctrl+N with an appointment selected on another day: the form opens on that day, in that appointment's
    // column, at the column's first free time.
    void theBookingFormOpensOnTheDayAndColumnOnScreen()
    {
        const QDate friday(2026, 11, 27);
        const qint64 booked = m_fixture.book(1, 2, 2, test::newYorkAt(friday, 8));
        QVERIFY(booked > 0);
        ui::BookingDialog *dialog = bookBeside(booked, friday);
        QVERIFY(dialog);
        QCOMPARE(dialog->dateField()->date(), friday);
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("practitionerCombo"))->currentData().toLongLong(),
                 qint64(2));
        QCOMPARE(dialog->timeField()->time(), QTime(8, 30));
    }

    // A quarter of an hour free before a visit is no start for a longer visit (the form's first type,
    // Microneedling face, lasts 60 minutes with 10 of clean-up): with nothing selected the form opens where its
    // type fits, in the column free first for it, so a patient is all it needs to book. On a later day, so that
    // "now" does not decide the start.
    void theBookingFormOpensWhereItsTypeFits()
    {
        const QDate monday(2026, 11, 30);
        const qint64 booked = m_fixture.book(1, 2, 2, test::newYorkAt(monday, 8) + 15 * 60);
        QVERIFY(booked > 0);
        schedule()->setDate(monday);
        QTRY_VERIFY(schedule()->model()->rowOf(booked) >= 0);
        QCOMPARE(schedule()->scheduleView()->selectedAppointment(), qint64(0));
        m_window->bookAppointment();
        QTRY_VERIFY(desk()->bookingDialog() && desk()->bookingDialog()->isVisible());
        ui::BookingDialog *dialog = desk()->bookingDialog();
        QCOMPARE(dialog->dateField()->date(), monday);
        QCOMPARE(dialog->timeField()->time(), QTime(8, 45));
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("practitionerCombo"))->currentData().toLongLong(),
                 qint64(2));
        dialog->patientPicker()->setPatient(patient(4));
        QTRY_VERIFY2(dialog->canSubmit(), qPrintable(dialog->outcomeText()));
    }

    // At 00:40 with nothing selected the form opens today when the clinic opens, in the column free first
    // (Nurse Ana starts at 08:00, Dr. Hiers at 09:00), not at 00:45 when the clinic is closed.
    void atNightTheBookingFormOpensAtTheOpeningHour()
    {
        m_fixture.clock.set(QDateTime(QDate(2026, 11, 26), QTime(5, 40), Qt::UTC));
        schedule()->showToday();
        QCOMPARE(schedule()->scheduleView()->selectedAppointment(), qint64(0));
        m_window->bookAppointment();
        QTRY_VERIFY(desk()->bookingDialog() && desk()->bookingDialog()->isVisible());
        ui::BookingDialog *dialog = desk()->bookingDialog();
        QCOMPARE(dialog->dateField()->date(), QDate(2026, 11, 26));
        QCOMPARE(dialog->timeField()->time(), QTime(8, 0));
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("practitionerCombo"))->currentData().toLongLong(),
                 qint64(2));
        dialog->patientPicker()->setPatient(patient(4));
        QTRY_VERIFY2(dialog->canSubmit(), qPrintable(dialog->outcomeText()));
    }

    void aFoundSlotOpensTheBookingFormAtThatTime()
    {
        m_window->findSlot();
        ui::FindSlotDialog *finder = nullptr;
        QTRY_VERIFY((finder = m_window->findChild<ui::FindSlotDialog *>()) && finder->isVisible());
        finder->setWindow(QDate(2026, 12, 3), QDate(2026, 12, 10));
        QTRY_VERIFY(!finder->slotsFound().isEmpty());
        const SlotFinder::Slot first = finder->slotsFound().first();
        finder->resultView()->setCurrentItem(finder->resultView()->topLevelItem(0));
        finder->chooseCurrent();
        QTRY_VERIFY(desk()->bookingDialog() && desk()->bookingDialog()->isVisible());
        ui::BookingDialog *dialog = desk()->bookingDialog();
        dialog->patientPicker()->setPatient(patient(2));
        QTRY_VERIFY2(dialog->canSubmit(), qPrintable(dialog->outcomeText()));
        dialog->submit();
        QTRY_COMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 2 AND "
                                                    "starts_at = %1 AND practitioner_id = %2")
                                         .arg(first.startsAt)
                                         .arg(first.practitionerId)),
                     qint64(1));
        // The schedule goes to the day booked, with the new block selected.
        const qint64 id = m_fixture.count(QStringLiteral("SELECT id FROM appointment WHERE patient_id = 2"));
        QCOMPARE(schedule()->date(), QDate(2026, 12, 3));
        QCOMPARE(schedule()->scheduleView()->selectedAppointment(), id);
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(
            QStringLiteral("Booked J\u00fcrgen M\u00fcller, Thu 3 Dec ")));
    }

    // Joanna Smith's consultation with Nurse Ana on Friday 10:00, which Wei Wang waits for, is cancelled with
    // Delete on the schedule; returns its id.
    qint64 cancelJoannasFridayWhileWeiWaits()
    {
        const QDate day(2026, 11, 27);
        const qint64 booked = m_fixture.book(1, 2, 2, test::newYorkAt(day, 10));
        WaitlistEntry wanted;
        wanted.patientId = 4;
        wanted.typeId = 2;
        wanted.earliestDate = day;
        wanted.latestDate = day.addDays(14);
        if (!booked || !WaitlistRepository(m_fixture.database(), m_fixture.clock).add(wanted).ok())
            return 0;

        schedule()->setDate(day);
        ui::ScheduleView *view = schedule()->scheduleView();
        if (!QTest::qWaitFor([&] { return schedule()->model()->rowOf(booked) >= 0; }))
            return 0;
        view->selectAppointment(booked);
        view->setFocus();
        m_fixture.prompter.cancelReasonAnswers.append(CancelReason{CancelCategory::Illness, {}});
        press(Qt::Key_Delete);
        return booked;
    }

    [[nodiscard]] QString statusOf(qint64 appointmentId)
    {
        return m_fixture.temp->scalar(QStringLiteral("SELECT status FROM appointment WHERE id = %1").arg(appointmentId))
            .toString();
    }

    void cancellingOffersTheFreedTimeToTheWaitlist()
    {
        const qint64 booked = cancelJoannasFridayWhileWeiWaits();
        QVERIFY(booked > 0);
        QTRY_COMPARE(statusOf(booked), QStringLiteral("cancelled"));
        QTRY_VERIFY(desk()->waitlistDock()->isVisible());
        QCOMPARE(desk()->waitlist()->offers().size(), 1);
        QCOMPARE(desk()->waitlist()->offers().first().entry.patientId, qint64(4));
    }

    void anUndoneCancellationTakesItsOfferBack()
    {
        const qint64 booked = cancelJoannasFridayWhileWeiWaits();
        QVERIFY(booked > 0);
        QTRY_VERIFY(desk()->waitlistDock()->isVisible());
        QCOMPARE(desk()->waitlist()->offers().size(), 1);
        auto *bookOffer = desk()->waitlist()->findChild<QPushButton *>(QStringLiteral("bookOfferButton"));
        QVERIFY(bookOffer && bookOffer->isEnabled());

        // Ctrl+Z on the schedule books Joanna's consultation again: the freed time is taken.
        schedule()->scheduleView()->setFocus();
        QTRY_VERIFY(schedule()->scheduleView()->hasFocus());
        press(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(statusOf(booked), QStringLiteral("booked"));

        QTRY_VERIFY(desk()->waitlist()->offers().isEmpty());
        QVERIFY(!bookOffer->isVisible() || !bookOffer->isEnabled());
        QVERIFY2(desk()->waitlist()->offerOutcomeText().contains(QStringLiteral("booked again")),
                 qPrintable(desk()->waitlist()->offerOutcomeText()));
        // Nothing is booked for Wei Wang from it.
        desk()->waitlist()->bookSelectedOffer();
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 4")), qint64(0));
    }

    void settingsOpenFromTheKeyboard()
    {
        press(Qt::Key_Comma, Qt::ControlModifier);
        ui::ClinicSettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::ClinicSettingsDialog *>()) && dialog->isVisible());
        dialog->reject();
    }
};

QTEST_MAIN(TestFrontDesk)
#include "tst_ui_frontdesk.moc"
