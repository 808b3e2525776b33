#include "FrontDeskFixture.h"
#include "common/TimeFormat.h"
#include "patients/ScreeningRepository.h"
#include "ui/frontdesk/FindSlotDialog.h"
#include "ui/frontdesk/TimeOfDayPicker.h"
#include "ui/frontdesk/WeekdayPicker.h"
#include "ui/patientfile/PatientPicker.h"

#include "ui/widgets/DateField.h"
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace dermdesk;
using test::newYorkAt;
using ui::FindSlotDialog;

// "Find a slot" as the receptionist uses it on the phone: the list follows every change, arrows and
// Enter choose. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestFindSlotDialog : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<FindSlotDialog> m_dialog;

    void openDialog()
    {
        m_dialog = std::make_unique<FindSlotDialog>(*m_fixture.session);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    // Wei Wang, the fixture's patient 4.
    static PatientSummary wei()
    {
        PatientSummary patient;
        patient.id = 4;
        patient.givenName = QStringLiteral("Wei");
        patient.familyName = QStringLiteral("Wang");
        return patient;
    }

    [[nodiscard]] QString cell(int row, int column) const
    {
        const QTreeWidgetItem *item = m_dialog->resultView()->topLevelItem(row);
        return item ? item->text(column) : QString();
    }

    [[nodiscard]] QStringList column(int column) const
    {
        QStringList texts;
        for (int row = 0; row < m_dialog->resultView()->topLevelItemCount(); ++row)
            texts << cell(row, column);
        return texts;
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_findslotdialog"); }
    void init() { QVERIFY(m_fixture.init()); }
    void cleanup()
    {
        m_dialog.reset();
        m_fixture.close();
    }

    void listsFreeSlotsAndFollowsEveryChange()
    {
        QVERIFY(m_fixture.book(1, 1, 2, newYorkAt(QDate(2026, 11, 26), 10)));
        openDialog();
        QCOMPARE(m_dialog->findChild<ui::DateField *>(QStringLiteral("fromDate"))->date(), QDate(2026, 11, 26));
        QCOMPARE(m_dialog->findChild<ui::DateField *>(QStringLiteral("toDate"))->date(), QDate(2027, 1, 21));
        m_dialog->setType(2);
        QTRY_COMPARE(m_dialog->resultView()->topLevelItemCount(), FindSlotDialog::maxSlots);
        QCOMPARE(cell(0, 0), QStringLiteral("Thu 26 Nov"));
        QCOMPARE(cell(0, 1), QStringLiteral("09:00 \u2013 09:30"));
        QCOMPARE(cell(0, 3), QStringLiteral("No room needed"));
        for (int row = 1; row < m_dialog->slotsFound().size(); ++row)
            QVERIFY(m_dialog->slotsFound().at(row - 1).startsAt <= m_dialog->slotsFound().at(row).startsAt);

        m_dialog->setPractitioner(1);
        QTRY_VERIFY(column(2).count(QStringLiteral("Dr. Connie Hiers")) == FindSlotDialog::maxSlots);
        // Dr. Hiers is busy 10:00–10:30 today.
        QVERIFY(!column(1).contains(QStringLiteral("10:00 \u2013 10:30")));

        auto *weekdays = m_dialog->findChild<ui::WeekdayPicker *>();
        weekdays->box(6)->setChecked(true);
        QTRY_VERIFY(!column(0).isEmpty());
        for (const QString &day : column(0))
            QVERIFY2(day.startsWith(QLatin1String("Sat")), qPrintable(day));

        auto *timeOfDay = m_dialog->findChild<ui::TimeOfDayPicker *>();
        timeOfDay->setChoice(ui::TimeOfDayPicker::Afternoon);
        // Dr. Hiers works until 13:00 on Saturdays.
        QTRY_VERIFY(!column(1).isEmpty());
        for (const QString &time : column(1))
            QVERIFY2(time.startsWith(QLatin1String("12:")), qPrintable(time));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("find-slot"));
    }

    void aSlotBookedAtAnotherDeskLeavesTheList()
    {
        openDialog();
        m_dialog->setType(2);
        m_dialog->setPractitioner(1);
        QTRY_VERIFY(m_dialog->slotsFound().size() > 2);
        const SlotFinder::Slot first = m_dialog->slotsFound().at(0);
        const SlotFinder::Slot third = m_dialog->slotsFound().at(2);
        m_dialog->resultView()->setCurrentItem(m_dialog->resultView()->topLevelItem(2));
        // Another desk books Dr. Hiers at the first time listed.
        QVERIFY(m_fixture.book(4, 1, 2, first.startsAt));
        QTRY_VERIFY(m_dialog->slotsFound().first().startsAt != first.startsAt);
        // The slot chosen is still chosen.
        const auto chosen = m_dialog->chosenPrefill();
        QVERIFY(chosen);
        QCOMPARE(*chosen->startsAt, third.startsAt);
    }

    void arrowsAndEnterChooseASlot()
    {
        openDialog();
        m_dialog->setPatient(wei());
        m_dialog->setType(1);
        QTRY_VERIFY(m_dialog->slotsFound().size() > 2);
        QSignalSpy chosen(m_dialog.get(), &FindSlotDialog::slotChosen);
        m_dialog->resultView()->setFocus();
        QTest::keyClick(m_dialog->resultView(), Qt::Key_Down);
        QTest::keyClick(m_dialog->resultView(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        const SlotFinder::Slot expected = m_dialog->slotsFound().at(1);
        const QList<QVariant> args = chosen.at(0);
        QCOMPARE(args.at(0).toLongLong(), qint64(1));
        QCOMPARE(args.at(1).toLongLong(), expected.practitionerId);
        QCOMPARE(args.at(2).toLongLong(), expected.roomId.value_or(0));
        QCOMPARE(args.at(3).toLongLong(), expected.startsAt);
        QCOMPARE(args.at(4).toLongLong(), qint64(4));
        QVERIFY(!m_dialog->isVisible());
        const auto prefill = m_dialog->chosenPrefill();
        QVERIFY(prefill && prefill->patient && prefill->patient->id == 4);
    }

    // A patient's stopped dates are not offered, and the results say which were left out, why and until when.
    void aPatientsStoppedDatesAreLeftOutAndNamed()
    {
        ScreeningAnswer isotretinoin; // the 180-day stop from 2026-06-05 clears on 2026-12-02
        isotretinoin.questionId = 3;
        isotretinoin.yes = true;
        isotretinoin.eventDate = QDate(2026, 6, 5);
        QVERIFY(ScreeningRepository(m_fixture.database(), m_fixture.clock).recordAnswers(4, {isotretinoin}));
        openDialog();
        m_dialog->setPatient(wei());
        m_dialog->setType(1);
        QTRY_VERIFY(!m_dialog->slotsFound().isEmpty());
        QCOMPARE(cell(0, 0), QStringLiteral("Wed 2 Dec"));
        QVERIFY2(m_dialog->outcomeText().contains(
                     QStringLiteral("Left out for screening stops: %1 \u2013 %2")
                         .arg(shortDateText(QDate(2026, 11, 26)), shortDateText(QDate(2026, 12, 1)))),
                 qPrintable(m_dialog->outcomeText()));
        QVERIFY2(m_dialog->outcomeText().contains(QLatin1String("Isotretinoin within 180 days")),
                 qPrintable(m_dialog->outcomeText()));
        QVERIFY2(m_dialog->outcomeText().contains(shortDateText(QDate(2026, 12, 2))),
                 qPrintable(m_dialog->outcomeText()));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("find-slot-stop"));

        // A consultation needs no screening: every date is offered.
        m_dialog->setType(2);
        QTRY_COMPARE(cell(0, 0), QStringLiteral("Thu 26 Nov"));
        QVERIFY(!m_dialog->outcomeText().contains(QLatin1String("Left out")));
    }

    void refusalsNameTheField()
    {
        openDialog();
        m_dialog->setType(1);
        m_dialog->setWindow(QDate(2026, 12, 10), QDate(2026, 12, 1));
        QTRY_COMPARE(m_dialog->errorField(), QStringLiteral("to"));
        QVERIFY2(m_dialog->outcomeText().startsWith(QLatin1String("Dates: ")), qPrintable(m_dialog->outcomeText()));
        QCOMPARE(m_dialog->resultView()->topLevelItemCount(), 0);
        QVERIFY(!m_dialog->findChild<QPushButton *>(QStringLiteral("chooseButton"))->isEnabled());

        m_dialog->setWindow(QDate(2026, 12, 1), QDate(2026, 12, 10));
        auto *timeOfDay = m_dialog->findChild<ui::TimeOfDayPicker *>();
        timeOfDay->setBetween(14 * 60, 10 * 60);
        QTRY_COMPARE(m_dialog->errorField(), QStringLiteral("time_of_day"));
        QVERIFY(m_dialog->outcomeText().startsWith(QLatin1String("Time of day: ")));
    }
};

QTEST_MAIN(TestFindSlotDialog)
#include "tst_ui_findslotdialog.moc"
