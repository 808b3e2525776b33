#include "FrontDeskFixture.h"
#include "calendar/BookingService.h"
#include "session/ClinicSession.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/widgets/DateField.h"

#include <QComboBox>
#include <QPushButton>
#include <QTimeEdit>

using namespace dermdesk;
using test::newYorkAt;
using ui::BookingDialog;

namespace {
const QDate friday(2026, 11, 27);
} // namespace

// An open booking form follows what another desk does meanwhile: the slot it offers as free is booked there, or
// the appointment it edits is moved or cancelled there. The other desk is a second ClinicSession on the same file.
// "Now" is Thursday 2026-11-26 09:00 in New York.
class TestBookingFollows : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<ClinicSession> m_otherDesk;
    std::unique_ptr<BookingDialog> m_dialog;

    void openDialog()
    {
        m_dialog = std::make_unique<BookingDialog>(*m_fixture.session, m_fixture.prompter);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void choose(const char *comboName, qint64 id)
    {
        auto *combo = m_dialog->findChild<QComboBox *>(QLatin1String(comboName));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(id));
    }

    void setWhen(QDate date, int hour, int minute = 0)
    {
        m_dialog->dateField()->setDate(date);
        m_dialog->timeField()->setTime(QTime(hour, minute));
    }

    [[nodiscard]] BookingService &otherDesk() const { return m_otherDesk->service<BookingService>(); }

    [[nodiscard]] Appointment stored(qint64 id) const
    {
        return AppointmentRepository(m_fixture.temp->database(), m_fixture.clock).find(id).value();
    }

    [[nodiscard]] QPushButton *loadStoredButton() const
    {
        return m_dialog->findChild<QPushButton *>(QStringLiteral("loadStoredButton"));
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_bookingfollows"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        QVERIFY(test::screenFixturePatients(*m_fixture.temp, test::dayBeforeTestNow));
        auto other = m_fixture.temp->reopen();
        QVERIFY(other);
        m_otherDesk = ClinicSession::adopt(std::move(other).value(), m_fixture.clock);
    }

    void cleanup()
    {
        m_dialog.reset();
        m_otherDesk.reset();
        m_fixture.close();
    }

    void aSlotBookedAtAnotherDeskIsShownTakenInTheOpenForm()
    {
        openDialog();
        PatientSummary joanna;
        joanna.id = 1;
        joanna.givenName = QStringLiteral("Joanna");
        joanna.familyName = QStringLiteral("Smith");
        m_dialog->patientPicker()->setPatient(joanna);
        choose("typeCombo", 2);
        choose("practitionerCombo", 2);
        setWhen(friday, 10);
        QTRY_VERIFY(m_dialog->canSubmit());
        QVERIFY2(m_dialog->outcomeText().startsWith(QStringLiteral("Free")), qPrintable(m_dialog->outcomeText()));

        // Meanwhile Wei Wang is booked with Nurse Ana at 10:00 at the other desk.
        QVERIFY(otherDesk().book(test::bookingRequest(4, 2, 2, newYorkAt(friday, 10))).ok());

        QTRY_VERIFY(!m_dialog->canSubmit());
        QVERIFY2(m_dialog->outcomeText().contains(QStringLiteral("Nurse Ana already has an appointment 10:00")),
                 qPrintable(m_dialog->outcomeText()));
        QCOMPARE(m_dialog->errorField(), QStringLiteral("start"));
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        m_dialog->submit();
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 1")), qint64(0));
        // What the person typed is still there.
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(1));
        QCOMPARE(m_dialog->timeField()->time(), QTime(10, 0));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking-slot-taken"));
    }

    void anAppointmentMovedAtAnotherDeskIsNotSavedOver()
    {
        const qint64 id = m_fixture.book(1, 2, 2, newYorkAt(friday, 10));
        QVERIFY(id);
        openDialog();
        QVERIFY(m_dialog->editAppointment(id).ok());
        QTRY_VERIFY(m_dialog->canSubmit());
        QVERIFY(!loadStoredButton() || !loadStoredButton()->isVisible());
        // The person starts changing the time to 11:00 ...
        setWhen(friday, 11);
        QTRY_VERIFY(m_dialog->canSubmit());

        // ... while the other desk moves it to Tuesday 15:00.
        RescheduleRequest move;
        move.startsAt = newYorkAt(QDate(2026, 12, 1), 15);
        move.endsAt = newYorkAt(QDate(2026, 12, 1), 15, 30);
        QVERIFY(otherDesk().reschedule(id, move).ok());

        QTRY_VERIFY2(m_dialog->outcomeText().contains(
                         QStringLiteral("This appointment was moved to Tue 1 Dec 15:00 at another desk")),
                     qPrintable(m_dialog->outcomeText()));
        QVERIFY(!m_dialog->canSubmit());
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        m_dialog->submit();
        QCOMPARE(stored(id).startsAt, newYorkAt(QDate(2026, 12, 1), 15));
        // The form still holds what was typed, until the person loads the stored appointment.
        QCOMPARE(m_dialog->timeField()->time(), QTime(11, 0));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking-moved-elsewhere"));

        QVERIFY(loadStoredButton() && loadStoredButton()->isVisible());
        QTest::mouseClick(loadStoredButton(), Qt::LeftButton);
        QCOMPARE(m_dialog->dateField()->date(), QDate(2026, 12, 1));
        QCOMPARE(m_dialog->timeField()->time(), QTime(15, 0));
        QVERIFY(!loadStoredButton()->isVisible());
        QTRY_VERIFY2(m_dialog->canSubmit(), qPrintable(m_dialog->outcomeText()));
        // From there it saves as usual.
        setWhen(QDate(2026, 12, 1), 16);
        QTRY_VERIFY(m_dialog->canSubmit());
        m_dialog->submit();
        QCOMPARE(stored(id).startsAt, newYorkAt(QDate(2026, 12, 1), 16));
    }

    void anAppointmentCancelledAtAnotherDeskSaysSo()
    {
        const qint64 id = m_fixture.book(1, 2, 2, newYorkAt(friday, 10));
        QVERIFY(id);
        openDialog();
        QVERIFY(m_dialog->editAppointment(id).ok());
        setWhen(friday, 11);
        QTRY_VERIFY(m_dialog->canSubmit());

        QVERIFY(otherDesk().cancel(id, {CancelCategory::Illness, QString()}).ok());

        QTRY_VERIFY2(m_dialog->outcomeText().contains(QStringLiteral("This appointment was cancelled at another desk")),
                     qPrintable(m_dialog->outcomeText()));
        QVERIFY(!m_dialog->canSubmit());
        m_dialog->submit();
        const Appointment now = stored(id);
        QCOMPARE(now.status, AppointmentStatus::Cancelled);
        QCOMPARE(now.startsAt, newYorkAt(friday, 10));
        // A cancelled appointment cannot be moved: there is nothing to load, only to close.
        QVERIFY(!loadStoredButton() || !loadStoredButton()->isVisible());
    }
};

QTEST_MAIN(TestBookingFollows)
#include "tst_ui_bookingfollows.moc"
