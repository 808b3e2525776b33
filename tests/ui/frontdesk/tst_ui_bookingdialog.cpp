#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "session/ClinicSession.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/frontdesk/FindSlotDialog.h"
#include "ui/frontdesk/WeekdayPicker.h"
#include "ui/patientfile/NewPatientDialog.h"
#include "ui/patientfile/PatientPicker.h"

#include "ui/widgets/DateField.h"
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTreeWidget>

using namespace dermdesk;
using test::newYorkAt;
using ui::BookingDialog;

namespace {
const QDate friday(2026, 11, 27);
} // namespace

// The booking form as a receptionist uses it: find the patient by typing, pick type, practitioner and
// time, see at once whether it fits, book. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestBookingDialog : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<BookingDialog> m_dialog;

    template<typename T>
    T *child(const char *name) const
    {
        auto *found = m_dialog->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

    void openDialog(const ui::BookingPrefill &prefill = {})
    {
        m_dialog = std::make_unique<BookingDialog>(*m_fixture.session, m_fixture.prompter);
        m_dialog->setPrefill(prefill);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void choose(const char *comboName, qint64 id)
    {
        auto *combo = child<QComboBox>(comboName);
        QVERIFY(combo);
        const int index = combo->findData(id);
        QVERIFY2(index >= 0, comboName);
        combo->setCurrentIndex(index);
    }

    void setWhen(QDate date, int hour, int minute = 0)
    {
        child<ui::DateField>("dateEdit")->setDate(date);
        child<QTimeEdit>("timeEdit")->setTime(QTime(hour, minute));
    }

    // Types `text` into the patient field, moves down `downs` rows and presses Enter.
    void pickPatient(const QString &text, int downs)
    {
        QLineEdit *edit = m_dialog->patientPicker()->lineEdit();
        edit->setFocus();
        test::typeText(edit, text);
        QTRY_VERIFY(m_dialog->patientPicker()->resultList()->isVisible());
        for (int i = 0; i < downs; ++i)
            QTest::keyClick(edit, Qt::Key_Down);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_bookingdialog"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        // The fixture's patients answered the screening the day before: the form's rules, not screening, are tested.
        QVERIFY(test::screenFixturePatients(*m_fixture.temp, test::dayBeforeTestNow));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.close();
    }

    void booksByTypingAPatientAndChoosingTypeAndTime()
    {
        openDialog();
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        QVERIFY(m_dialog->outcomeText().contains(QLatin1String("Choose a patient")));

        pickPatient(QStringLiteral("j"), 1);
        const QTreeWidget *results = m_dialog->patientPicker()->resultList();
        QVERIFY(!results->isVisible());
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(1));
        QCOMPARE(m_dialog->patientPicker()->lineEdit()->text(), QStringLiteral("Joanna Smith"));

        choose("typeCombo", 1);
        choose("practitionerCombo", 2);
        setWhen(friday, 10);
        QCOMPARE(child<QSpinBox>("durationSpin")->value(), 60);
        QCOMPARE(child<QSpinBox>("cleanupSpin")->value(), 10);
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QCOMPARE(m_dialog->outcomeText(), QStringLiteral("Free \u2014 Room 1 will be used, 10:00 \u2013 11:00."));

        QSignalSpy booked(m_dialog.get(), &BookingDialog::booked);
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        QCOMPARE(booked.count(), 1);
        const qint64 id = booked.at(0).at(0).toLongLong();
        QVERIFY(id > 0);
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(1));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT patient_id * 100 + practitioner_id * 10 + room_id "
                                                "FROM appointment WHERE id = %1")
                                     .arg(id)),
                 qint64(121));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT starts_at FROM appointment")), newYorkAt(friday, 10));
        QVERIFY(m_fixture.prompter.confirmations.isEmpty());
    }

    void theResultListShowsBirthDatesAndEscapeClosesIt()
    {
        openDialog();
        QLineEdit *edit = m_dialog->patientPicker()->lineEdit();
        edit->setFocus();
        test::typeText(edit, QStringLiteral("j"));
        QTreeWidget *results = m_dialog->patientPicker()->resultList();
        QTRY_VERIFY(results->isVisible());
        QCOMPARE(results->topLevelItemCount(), 2);
        QCOMPARE(results->topLevelItem(0)->text(0), QStringLiteral("Jürgen Müller"));
        QCOMPARE(results->topLevelItem(0)->text(1), QStringLiteral("born 30 Dec 1975"));
        test::saveScreenshot(results, QStringLiteral("patient-picker"));
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(!results->isVisible());
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(0));

        // A click chooses too.
        edit->clear();
        test::typeText(edit, QStringLiteral("j"));
        QTRY_VERIFY(results->isVisible());
        const QRect second = results->visualItemRect(results->topLevelItem(1));
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(1));
        QVERIFY(!results->isVisible());
        edit->clear();

        test::typeText(edit, QStringLiteral("zzz"));
        QTRY_VERIFY(results->isVisible());
        QVERIFY(results->topLevelItem(0)->text(0).startsWith(QLatin1String("No patient matches")));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(0));
    }

    void aConflictingTimeShowsTheRuleAndKeepsBookDisabled()
    {
        QVERIFY(m_fixture.book(2, 2, 1, newYorkAt(friday, 10)));
        PatientSummary joanna;
        joanna.id = 1;
        joanna.givenName = QStringLiteral("Joanna");
        joanna.familyName = QStringLiteral("Smith");
        openDialog({joanna, 1, 2, std::nullopt, newYorkAt(friday, 10, 30)});
        QTRY_VERIFY2(m_dialog->outcomeText().startsWith(
                         QStringLiteral("When: Nurse Ana already has an appointment 10:00–11:10")),
                     qPrintable(m_dialog->outcomeText()));
        QCOMPARE(m_dialog->errorField(), QStringLiteral("start"));
        QVERIFY(!m_dialog->submitButton()->isEnabled());
        QSignalSpy booked(m_dialog.get(), &BookingDialog::booked);
        m_dialog->submit();
        QCOMPARE(booked.count(), 0);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(1));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking-conflict"));

        // Back-to-back is fine.
        setWhen(friday, 11, 10);
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY(m_dialog->errorField().isEmpty());
    }

    void namesTheFieldOfEachRefusal()
    {
        PatientSummary wei;
        wei.id = 4;
        wei.givenName = QStringLiteral("Wei");
        wei.familyName = QStringLiteral("Wang");
        openDialog({wei, 1, 1, std::nullopt, newYorkAt(friday, 12, 30)});
        QTRY_COMPARE(m_dialog->errorField(), QStringLiteral("start"));
        QVERIFY(m_dialog->outcomeText().contains(QLatin1String("working hours")));

        // A time skipped when clocks spring forward.
        setWhen(QDate(2027, 3, 14), 2, 30);
        QTRY_COMPARE(m_dialog->errorField(), QStringLiteral("start"));
        QVERIFY(m_dialog->outcomeText().startsWith(QLatin1String("When: ")));
        QVERIFY(!m_dialog->submitButton()->isEnabled());

        setWhen(friday, 9);
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        // 09:00–14:00 runs into the practitioner's lunch break.
        child<QSpinBox>("durationSpin")->setValue(300);
        QTRY_COMPARE(m_dialog->errorField(), QStringLiteral("start"));
        QVERIFY(!m_dialog->submitButton()->isEnabled());
    }

    void onlyPractitionersWhoPerformTheTypeAreOffered()
    {
        openDialog();
        choose("typeCombo", 3);
        auto *practitioners = child<QComboBox>("practitionerCombo");
        QCOMPARE(practitioners->count(), 1);
        QCOMPARE(practitioners->itemText(0), QStringLiteral("Dr. Connie Hiers"));
        choose("typeCombo", 2);
        QCOMPARE(practitioners->count(), 2);
        QVERIFY(!child<QComboBox>("roomCombo")->isEnabled());
        QCOMPARE(child<QComboBox>("typeCombo")->findData(qint64(4)), -1);
    }

    void aStartInThePastIsBookedOnlyAfterConfirming()
    {
        PatientSummary wei;
        wei.id = 4;
        wei.givenName = QStringLiteral("Wei");
        wei.familyName = QStringLiteral("Wang");
        openDialog({wei, 2, 2, std::nullopt, newYorkAt(QDate(2026, 11, 26), 8)});
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QVERIFY(m_dialog->outcomeText().contains(QLatin1String("in the past")));

        QSignalSpy booked(m_dialog.get(), &BookingDialog::booked);
        m_fixture.prompter.confirmAnswers = {false};
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        QCOMPARE(m_fixture.prompter.confirmations.size(), 1);
        QCOMPARE(booked.count(), 0);
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(0));

        m_fixture.prompter.confirmAnswers = {true};
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        QCOMPARE(m_fixture.prompter.confirmations.size(), 2);
        QCOMPARE(booked.count(), 1);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT starts_at FROM appointment")),
                 newYorkAt(QDate(2026, 11, 26), 8));
    }

    void showsThePatientsNoShowsAndLateCancels()
    {
        const qint64 missed = m_fixture.book(2, 2, 2, newYorkAt(QDate(2026, 11, 25), 10), true);
        QVERIFY(missed);
        BookingService repository(m_fixture.database(), m_fixture.clock);
        QVERIFY(repository.changeStatus(missed, AppointmentStatus::NoShow).ok());
        openDialog();
        auto *attendance = child<QLabel>("attendanceLabel");
        QVERIFY(!attendance->isVisible());
        pickPatient(QStringLiteral("mü"), 0);
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(2));
        QTRY_VERIFY(attendance->isVisible());
        QCOMPARE(attendance->text(), QStringLiteral("1 no-show"));
    }

    void remembersTheLastPractitioner()
    {
        PatientSummary wei;
        wei.id = 4;
        wei.givenName = QStringLiteral("Wei");
        wei.familyName = QStringLiteral("Wang");
        openDialog({wei, 2, 2, std::nullopt, newYorkAt(friday, 15)});
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        m_dialog->submit();
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(1));

        openDialog({std::nullopt, 2, std::nullopt, std::nullopt, std::nullopt});
        QCOMPARE(child<QComboBox>("practitionerCombo")->currentData().toLongLong(), qint64(2));
        // A prefill's practitioner wins.
        openDialog({std::nullopt, 2, 1, std::nullopt, std::nullopt});
        QCOMPARE(child<QComboBox>("practitionerCombo")->currentData().toLongLong(), qint64(1));
    }

    void editingMovesTheAppointmentAndKeepsItsId()
    {
        const qint64 id = m_fixture.book(1, 2, 1, newYorkAt(friday, 10));
        QVERIFY(id);
        openDialog();
        QVERIFY(m_dialog->editAppointment(id).ok());
        QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Change appointment"));
        QCOMPARE(m_dialog->patientPicker()->lineEdit()->text(), QStringLiteral("Joanna Smith"));
        QVERIFY(m_dialog->patientPicker()->lineEdit()->isReadOnly());
        QVERIFY(!child<QComboBox>("typeCombo")->isEnabled());
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());

        setWhen(friday, 14);
        child<QSpinBox>("durationSpin")->setValue(45);
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        QSignalSpy changed(m_dialog.get(), &BookingDialog::changed);
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toLongLong(), id);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT starts_at FROM appointment WHERE id = %1").arg(id)),
                 newYorkAt(friday, 14));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT ends_at FROM appointment WHERE id = %1").arg(id)),
                 newYorkAt(friday, 14, 45));
        QVERIFY(m_dialog->freedSlot().has_value());
        QCOMPARE(m_dialog->freedSlot()->startsAt, newYorkAt(friday, 10));
        QVERIFY(m_dialog->editAppointment(9999).error().code() == QLatin1String("not_found.appointment"));
    }

    void createsANewPatientFromTheSameForm()
    {
        openDialog();
        QLineEdit *edit = m_dialog->patientPicker()->lineEdit();
        edit->setFocus();
        test::typeText(edit, QStringLiteral("Ava Newman"));
        QTRY_VERIFY(m_dialog->patientPicker()->resultList()->isVisible());
        QTest::mouseClick(m_dialog->newPatientButton(), Qt::LeftButton);
        auto *form = m_dialog->findChild<ui::NewPatientDialog *>();
        QVERIFY(form);
        QTRY_VERIFY(form->isVisible());
        QCOMPARE(form->findChild<QLineEdit *>(QStringLiteral("givenNameEdit"))->text(), QStringLiteral("Ava"));
        QCOMPARE(form->findChild<QLineEdit *>(QStringLiteral("familyNameEdit"))->text(), QStringLiteral("Newman"));
        auto *birth = form->findChild<QLineEdit *>(QStringLiteral("birthDateEdit"));
        test::typeText(birth, QStringLiteral("2030-01-01"));
        form->create();
        QCOMPARE(form->errorField(), QStringLiteral("birth_date"));
        QVERIFY(form->outcomeText().startsWith(QLatin1String("Birth date: ")));
        birth->clear();
        test::typeText(birth, QStringLiteral("1990-05-06"));
        test::typeText(form->findChild<QLineEdit *>(QStringLiteral("phoneEdit")), QStringLiteral("555 123 4567"));
        test::saveScreenshot(form, QStringLiteral("new-patient"));
        QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        const qint64 id = m_fixture.count(QStringLiteral("SELECT id FROM patient WHERE family_name = 'Newman'"));
        QVERIFY(id > 4);
        QCOMPARE(m_dialog->patientPicker()->patientId(), id);
        QCOMPARE(edit->text(), QStringLiteral("Ava Newman"));
    }

    void offersTheExistingPatientWhenTheNewOneMayBeADuplicate()
    {
        openDialog();
        ui::NewPatientDialog *form = m_dialog->openNewPatient();
        form->setNameText(QStringLiteral("joanna smith"));
        test::typeText(form->findChild<QLineEdit *>(QStringLiteral("birthDateEdit")), QStringLiteral("1988-04-02"));
        form->create();
        QListWidget *duplicates = form->duplicateList();
        QVERIFY(duplicates->isVisible());
        QCOMPARE(duplicates->count(), 1);
        QVERIFY(duplicates->item(0)->text().startsWith(QLatin1String("Joanna Smith")));
        QVERIFY(form->outcomeText().contains(QLatin1String("registered already")));
        test::saveScreenshot(form, QStringLiteral("new-patient-duplicate"));
        QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("useDuplicateButton")), Qt::LeftButton);
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(1));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM patient")), qint64(4));
    }

    // "Find a slot" inside the form searches for the form's patient, type and practitioner from the form's
    // date, and the slot taken there fills the form, which can then be booked at once.
    void findASlotInsideTheFormFillsTheForm()
    {
        QVERIFY(m_fixture.book(1, 2, 2, newYorkAt(friday, 8)));
        openDialog();
        pickPatient(QStringLiteral("wang"), 0);
        choose("typeCombo", 2);
        choose("practitionerCombo", 2);
        setWhen(friday, 8);
        QVERIFY(m_dialog->findSlotButton()->isVisible());
        QTest::mouseClick(m_dialog->findSlotButton(), Qt::LeftButton);
        ui::FindSlotDialog *finder = nullptr;
        QTRY_VERIFY((finder = m_dialog->findChild<ui::FindSlotDialog *>()) && finder->isVisible());
        QCOMPARE(finder->patientPicker()->patientId(), qint64(4));
        QTRY_VERIFY(finder->slotsFound().size() > 2);
        for (const SlotFinder::Slot &slot : finder->slotsFound())
            QCOMPARE(slot.practitionerId, qint64(2));
        // Friday 08:00 is taken, so the first free time of the form's day is 08:30.
        QCOMPARE(finder->slotsFound().first().startsAt, newYorkAt(friday, 8, 30));
        const SlotFinder::Slot chosen = finder->slotsFound().at(2);
        finder->resultView()->setCurrentItem(finder->resultView()->topLevelItem(2));
        QTest::keyClick(finder->resultView(), Qt::Key_Return);
        QTRY_VERIFY(!m_dialog->findChild<ui::FindSlotDialog *>() || !finder->isVisible());
        QVERIFY(m_dialog->isVisible());
        const QDateTime local = QDateTime::fromSecsSinceEpoch(chosen.startsAt, m_fixture.zone);
        QCOMPARE(child<ui::DateField>("dateEdit")->date(), local.date());
        QCOMPARE(child<QTimeEdit>("timeEdit")->time(), QTime(local.time().hour(), local.time().minute()));
        QCOMPARE(child<QComboBox>("practitionerCombo")->currentData().toLongLong(), qint64(2));
        QTRY_VERIFY2(m_dialog->canSubmit(), qPrintable(m_dialog->outcomeText()));
        QTest::mouseClick(m_dialog->submitButton(), Qt::LeftButton);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 4 AND "
                                                "practitioner_id = 2 AND starts_at = %1")
                                     .arg(chosen.startsAt)),
                 qint64(1));
    }

    // How long the live checks take on a large clinic: set DERMDESK_FIGURES_DB to a copy of a demo database
    // (dermdesk-cli demo). Prints medians in milliseconds; never run by the suite.
    void figuresOnADemoDatabase()
    {
        const QString path = qEnvironmentVariable("DERMDESK_FIGURES_DB");
        if (path.isEmpty())
            QSKIP("Set DERMDESK_FIGURES_DB to a copy of a demo clinic to measure.");
        auto opened = ClinicSession::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message()));
        ClinicSession &session = *opened.value();
        const auto median = [](QList<double> values) {
            std::sort(values.begin(), values.end());
            return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
        };

        BookingDialog booking(session, m_fixture.prompter);
        booking.show();
        QVERIFY(QTest::qWaitForWindowExposed(&booking));
        QLineEdit *edit = booking.patientPicker()->lineEdit();
        QList<double> typing;
        for (const QString &text : {QStringLiteral("s"), QStringLiteral("m"), QStringLiteral("i")}) {
            QElapsedTimer timer;
            timer.start();
            test::typeText(edit, text);
            typing << timer.nsecsElapsed() / 1e6;
        }
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(booking.patientPicker()->patientId() > 0);
        auto *time = booking.findChild<QTimeEdit *>(QStringLiteral("timeEdit"));
        booking.findChild<ui::DateField *>(QStringLiteral("dateEdit"))->setDate(QDate::currentDate().addDays(7));
        QList<double> checks;
        for (int i = 0; i < 40; ++i) {
            QElapsedTimer timer;
            timer.start();
            time->setTime(QTime(9 + i % 8, (i % 4) * 15));
            checks << timer.nsecsElapsed() / 1e6;
        }
        ui::FindSlotDialog finder(session);
        finder.show();
        auto *saturday = finder.findChild<ui::WeekdayPicker *>()->box(6);
        QList<double> searches;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer timer;
            timer.start();
            saturday->toggle();
            searches << timer.nsecsElapsed() / 1e6;
        }
        qInfo("patient_picker_keystroke_ms %.2f (median of %lld)", median(typing), qlonglong(typing.size()));
        qInfo("booking_live_check_ms %.2f (median of %lld)", median(checks), qlonglong(checks.size()));
        qInfo("find_slot_refresh_ms %.2f (median of %lld, %lld slots listed)", median(searches),
              qlonglong(searches.size()), qlonglong(finder.slotsFound().size()));
    }

    void looksTidy()
    {
        QVERIFY(m_fixture.book(2, 2, 1, newYorkAt(friday, 10)));
        openDialog();
        pickPatient(QStringLiteral("smi"), 0);
        choose("typeCombo", 1);
        choose("practitionerCombo", 2);
        setWhen(friday, 11, 15);
        QTRY_VERIFY(m_dialog->submitButton()->isEnabled());
        test::saveScreenshot(m_dialog.get(), QStringLiteral("booking"));
        // Tab goes down the form in reading order.
        QList<QWidget *> order;
        QWidget *widget = m_dialog->patientPicker()->lineEdit();
        for (int i = 0; i < 80 && widget; ++i, widget = widget->nextInFocusChain()) {
            if (widget->focusPolicy() & Qt::TabFocus)
                order << widget;
        }
        QVERIFY(order.indexOf(child<QComboBox>("typeCombo")) < order.indexOf(child<QComboBox>("practitionerCombo")));
        QVERIFY(order.indexOf(child<QComboBox>("practitionerCombo")) < order.indexOf(child<QComboBox>("roomCombo")));
    }
};

QTEST_MAIN(TestBookingDialog)
#include "tst_ui_bookingdialog.moc"
