#include "FrontDeskFixture.h"
#include "patients/ScreeningRepository.h"
#include "ui/frontdesk/PractitionerDayAgenda.h"

#include <QComboBox>
#include <QTreeWidget>

using namespace dermdesk;
using test::newYorkAt;
using ui::PractitionerDayAgenda;

namespace {
const QDate friday(2026, 11, 27);
} // namespace

// A practitioner reviewing their day: only their appointments of that day, in order, with status,
// patient alerts and notes. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestPractitionerDayAgenda : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<PractitionerDayAgenda> m_agenda;

    [[nodiscard]] QString cell(int row, int column) const
    {
        const QTreeWidgetItem *item = m_agenda->view()->topLevelItem(row);
        return item ? item->text(column) : QString();
    }

    void answerYes(qint64 patient, qint64 question, QDate eventDate = {})
    {
        ScreeningAnswer yes;
        yes.questionId = question;
        yes.yes = true;
        yes.eventDate = eventDate;
        QVERIFY(ScreeningRepository(m_fixture.database(), m_fixture.clock).recordAnswers(patient, {yes}));
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_practitionerdayagenda"); }
    void init() { QVERIFY(m_fixture.init()); }
    void cleanup()
    {
        m_agenda.reset();
        m_fixture.close();
    }

    void listsOnePractitionersDayWithAlertsAndNotes()
    {
        // The patients answered the screening "no" to all the day before: no screening alert on their visits.
        QVERIFY(test::screenFixturePatients(*m_fixture.temp, test::dayBeforeTestNow));
        BookingService appointments(m_fixture.database(), m_fixture.clock);
        BookingRequest withNotes = test::bookingRequest(1, 2, 1, newYorkAt(friday, 10));
        withNotes.notes = QStringLiteral("Sensitive skin on the left cheek");
        QVERIFY(appointments.book(withNotes).ok());
        QVERIFY(m_fixture.book(2, 2, 2, newYorkAt(friday, 14)));
        const qint64 cancelled = m_fixture.book(4, 2, 2, newYorkAt(friday, 12));
        QVERIFY(cancelled);
        QVERIFY(appointments.cancel(cancelled, {CancelCategory::Illness, QString()}).ok());
        QVERIFY(m_fixture.book(4, 1, 2, newYorkAt(friday, 10)));
        QVERIFY(m_fixture.book(1, 2, 2, newYorkAt(friday.addDays(1), 10)));
        const qint64 missed = m_fixture.book(2, 2, 2, newYorkAt(QDate(2026, 11, 25), 10), true);
        QVERIFY(missed);
        QVERIFY(appointments.changeStatus(missed, AppointmentStatus::NoShow).ok());

        m_agenda = std::make_unique<PractitionerDayAgenda>(*m_fixture.session);
        m_agenda->resize(980, 360);
        m_agenda->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_agenda.get()));
        QCOMPARE(m_agenda->date(), QDate(2026, 11, 26));
        m_agenda->showDay(2, friday);
        QCOMPARE(m_agenda->practitionerId(), qint64(2));
        QCOMPARE(m_agenda->view()->topLevelItemCount(), 3);
        QCOMPARE(cell(0, PractitionerDayAgenda::TimeColumn), QStringLiteral("10:00 \u2013 11:00"));
        QCOMPARE(cell(0, PractitionerDayAgenda::PatientColumn), QStringLiteral("Joanna Smith"));
        QCOMPARE(cell(0, PractitionerDayAgenda::RoomColumn), QStringLiteral("Room 1"));
        QCOMPARE(cell(0, PractitionerDayAgenda::NotesColumn), QStringLiteral("Sensitive skin on the left cheek"));
        QCOMPARE(cell(1, PractitionerDayAgenda::PatientColumn), QStringLiteral("Wei Wang"));
        QCOMPARE(cell(1, PractitionerDayAgenda::StatusColumn), QStringLiteral("Cancelled"));
        QVERIFY(m_agenda->view()->topLevelItem(1)->font(PractitionerDayAgenda::PatientColumn).strikeOut());
        QCOMPARE(cell(2, PractitionerDayAgenda::PatientColumn), QStringLiteral("Jürgen Müller"));
        QCOMPARE(cell(2, PractitionerDayAgenda::AlertsColumn), QStringLiteral("1 no-show"));
        QVERIFY(cell(0, PractitionerDayAgenda::AlertsColumn).isEmpty());
        QCOMPARE(m_agenda->summaryText(), QStringLiteral("2 appointments."));

        // The hook for screening cautions from the patient record.
        m_agenda->setAlertSource([](qint64 patientId) {
            return patientId == 1 ? QStringList{QStringLiteral("Isotretinoin in the last 6 months")} : QStringList{};
        });
        QCOMPARE(cell(0, PractitionerDayAgenda::AlertsColumn), QStringLiteral("Isotretinoin in the last 6 months"));
        test::saveScreenshot(m_agenda.get(), QStringLiteral("practitioner-day"));

        auto *practitioner = m_agenda->findChild<QComboBox *>(QStringLiteral("practitionerCombo"));
        practitioner->setCurrentIndex(practitioner->findData(qint64(1)));
        QCOMPARE(m_agenda->view()->topLevelItemCount(), 1);
        QCOMPARE(cell(0, PractitionerDayAgenda::PatientColumn), QStringLiteral("Wei Wang"));
        m_agenda->showDay(1, friday.addDays(2));
        QCOMPARE(m_agenda->view()->topLevelItemCount(), 0);
        QCOMPARE(m_agenda->summaryText(), QStringLiteral("No appointments on this day."));
    }

    // The practitioner sees, beside each patient, what the screening says about treating them on the day shown.
    void showsScreeningStopsAndCautionsForTheDayShown()
    {
        QVERIFY(m_fixture.book(1, 2, 2, newYorkAt(friday, 10)));
        QVERIFY(m_fixture.book(2, 2, 2, newYorkAt(friday, 14)));
        answerYes(1, 4);                    // anticoagulants: a caution
        answerYes(2, 3, QDate(2026, 6, 1)); // isotretinoin 179 days before Friday: a stop (180-day look-back)
        m_agenda = std::make_unique<PractitionerDayAgenda>(*m_fixture.session);
        m_agenda->showDay(2, friday);
        QCOMPARE(m_agenda->view()->topLevelItemCount(), 2);
        QCOMPARE(cell(0, PractitionerDayAgenda::AlertsColumn),
                 QStringLiteral("Caution: Anticoagulants or bleeding disorder"));
        QCOMPARE(cell(1, PractitionerDayAgenda::AlertsColumn), QStringLiteral("Stop: Isotretinoin within 180 days"));
        // Judged on the date shown, not today: on 1 December (183 days after the dose) the look-back has passed.
        const QDate december(2026, 12, 1);
        QVERIFY(m_fixture.book(2, 2, 2, newYorkAt(december, 14)));
        m_agenda->showDay(2, december);
        QCOMPARE(m_agenda->view()->topLevelItemCount(), 1);
        QCOMPARE(cell(0, PractitionerDayAgenda::PatientColumn), QStringLiteral("Jürgen Müller"));
        QVERIFY(cell(0, PractitionerDayAgenda::AlertsColumn).isEmpty());
    }
};

QTEST_MAIN(TestPractitionerDayAgenda)
#include "tst_ui_practitionerdayagenda.moc"
