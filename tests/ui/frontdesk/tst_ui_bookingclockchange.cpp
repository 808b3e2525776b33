#include "ClockChange.h"
#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/patientfile/PatientPicker.h"

#include "ui/widgets/DateField.h"
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeEdit>
#include <QTreeWidget>

using namespace dermdesk;
using ui::BookingDialog;

namespace {
// The clocks go back in New York at 02:00 EDT: 01:00-01:59 happen twice, first EDT (UTC-4), then EST (UTC-5).
const QDate fallBack(2026, 11, 1);
// They go forward at 02:00 EST: 02:00-02:59 do not happen.
const QDate springForward(2027, 3, 14);

qint64 utc(QDate date, int hour, int minute)
{
    return QDateTime(date, QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}
} // namespace

// The booking form on the nights the clocks change in New York: both 01:30s of the night they go back are
// offered, labelled, and the one chosen is booked at its own instant; a time they skip is refused naming the
// jump. "Now" is a week before, so nothing is in the past.
class TestBookingClockChange : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<BookingDialog> m_dialog;

    template<typename T>
    T *child(const char *name) const
    {
        return m_dialog->findChild<T *>(QLatin1String(name));
    }

    QComboBox *repeated() const { return child<QComboBox>("repeatedTimeCombo"); }

    // A consultation (type 2, 30 minutes, no room) with Nurse Ana for Joanna Smith.
    void openDialog()
    {
        m_dialog = std::make_unique<BookingDialog>(*m_fixture.session, m_fixture.prompter);
        ui::BookingPrefill prefill;
        prefill.typeId = 2;
        prefill.practitionerId = 2;
        m_dialog->setPrefill(prefill);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        QLineEdit *edit = m_dialog->patientPicker()->lineEdit();
        edit->setFocus();
        test::typeText(edit, QStringLiteral("joanna"));
        QTRY_VERIFY(m_dialog->patientPicker()->resultList()->isVisible());
        QTest::keyClick(edit, Qt::Key_Down);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(1));
        QVERIFY2(repeated(), "the form has a choice for the repeated hour");
    }

    void setWhen(QDate date, int hour, int minute)
    {
        child<ui::DateField>("dateEdit")->setDate(date);
        child<QTimeEdit>("timeEdit")->setTime(QTime(hour, minute));
    }

    qint64 submit()
    {
        QSignalSpy booked(m_dialog.get(), &BookingDialog::booked);
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        return booked.count() == 1 ? booked.at(0).at(0).toLongLong() : 0;
    }

    qint64 startOf(qint64 id)
    {
        return m_fixture.count(QStringLiteral("SELECT starts_at FROM appointment WHERE id = %1").arg(id));
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_bookingclockchange"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        QVERIFY(test::openAllDay(*m_fixture.temp, 7));
        m_fixture.clock.set(QDateTime(QDate(2026, 10, 25), QTime(14, 0), Qt::UTC));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.close();
    }

    void bothReadingsOfTheRepeatedHourAreOfferedAndBooked()
    {
        openDialog();
        if (QTest::currentTestFailed())
            return;
        setWhen(fallBack, 1, 30);
        QTRY_VERIFY(repeated()->isVisible());
        QCOMPARE(repeated()->count(), 2);
        QCOMPARE(repeated()->itemText(0), QStringLiteral("01:30 EDT (first)"));
        QCOMPARE(repeated()->itemText(1), QStringLiteral("01:30 EST (second)"));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking-repeated-hour"));

        // The second one, chosen from the keyboard.
        repeated()->setFocus();
        QTest::keyClick(repeated(), Qt::Key_Down);
        QCOMPARE(repeated()->currentIndex(), 1);
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY2(m_dialog->outcomeText().contains(QLatin1String("01:30 EST")), qPrintable(m_dialog->outcomeText()));
        const qint64 second = submit();
        QVERIFY(second > 0);
        QCOMPARE(startOf(second), utc(fallBack, 6, 30)); // 01:30 EST

        // The first one is still free, an hour earlier.
        openDialog();
        if (QTest::currentTestFailed())
            return;
        setWhen(fallBack, 1, 30);
        QTRY_VERIFY(repeated()->isVisible());
        QCOMPARE(repeated()->currentIndex(), 0);
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY2(m_dialog->outcomeText().contains(QLatin1String("01:30 EDT")), qPrintable(m_dialog->outcomeText()));
        const qint64 first = submit();
        QVERIFY(first > 0);
        QCOMPARE(startOf(first), utc(fallBack, 5, 30)); // 01:30 EDT
        QCOMPARE(startOf(second) - startOf(first), qint64(3600));

        // Opening the second for a change shows it as the second.
        m_dialog = std::make_unique<BookingDialog>(*m_fixture.session, m_fixture.prompter);
        QVERIFY(m_dialog->editAppointment(second).ok());
        QVERIFY(repeated());
        QCOMPARE(child<QTimeEdit>("timeEdit")->time(), QTime(1, 30));
        QCOMPARE(repeated()->currentText(), QStringLiteral("01:30 EST (second)"));
    }

    void anOrdinaryTimeOffersNoChoice()
    {
        openDialog();
        if (QTest::currentTestFailed())
            return;
        setWhen(fallBack, 1, 30);
        QTRY_VERIFY(repeated()->isVisible());
        setWhen(fallBack, 9, 0);
        QTRY_VERIFY(!repeated()->isVisible());
        setWhen(fallBack.addDays(7), 1, 30);
        QVERIFY(!repeated()->isVisible());
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        const qint64 id = submit();
        QVERIFY(id > 0);
        QCOMPARE(startOf(id), utc(fallBack.addDays(7), 6, 30));
    }

    void aSkippedTimeIsRefusedNamingTheJump()
    {
        openDialog();
        if (QTest::currentTestFailed())
            return;
        setWhen(springForward, 2, 30);
        QTRY_COMPARE(m_dialog->errorField(), QStringLiteral("start"));
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        QVERIFY2(m_dialog->outcomeText().contains(
                     QLatin1String("02:30 does not exist on 2027-03-14 in America/New_York: clocks go from 02:00 to "
                                   "03:00.")),
                 qPrintable(m_dialog->outcomeText()));
        QVERIFY(!repeated()->isVisible());
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(0));
    }
};

QTEST_MAIN(TestBookingClockChange)
#include "tst_ui_bookingclockchange.moc"
