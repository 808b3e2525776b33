#include "FrontDeskFixture.h"
#include "TestSession.h"
#include "calendar/BookingService.h"
#include "common/TimeFormat.h"
#include "patients/PatientRepository.h"
#include "treatment/TreatmentPlanRepository.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/patientfile/PatientRecordForm.h"
#include "ui/patientfile/PatientTimeline.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/patientfile/ScreeningBadge.h"
#include "ui/patientfile/ScreeningForm.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTreeWidget>

using namespace dermdesk;
using ui::PatientPage;
using ui::ScreeningBadge;

// The patient page: the header's screening status follows the answers recorded, the timeline lists the
// appointments with the no-shows, the plans and the (empty) handouts are there.
class TestPatientPage : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<ClinicSession> m_session;

    // The clinic session the widgets under test work on (opened on first use).
    ClinicSession &session()
    {
        if (!m_session)
            m_session = test::openSession(*m_fixture.temp, m_fixture.clock);
        return *m_session;
    }
    std::unique_ptr<PatientPage> m_page;

    [[nodiscard]] ui::ScreeningForm *screening() const { return m_page->screeningForm(); }

    qint64 question(const char *code) const
    {
        for (const ScreeningQuestion &q : screening()->questions()) {
            if (q.code == QLatin1String(code))
                return q.id;
        }
        return 0;
    }

    // Answers every question "No" on the form.
    void answerAllNo()
    {
        for (const ScreeningQuestion &q : screening()->questions())
            screening()->answerCombo(q.id)->setCurrentIndex(ui::ScreeningForm::No);
    }

    void clickRecord()
    {
        QTest::mouseClick(screening()->findChild<QPushButton *>(QStringLiteral("recordAnswersButton")), Qt::LeftButton);
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_patientpage"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_fixture.clock.set(test::FakeClock().now());
        m_page = std::make_unique<PatientPage>(session(), m_fixture.prompter);
        m_page->resize(1600, 1000);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_session.reset();
        m_fixture.temp.reset();
    }

    // Another desk books for the patient and changes their e-mail while the page is open on the Appointments tab and
    // the record has no unsaved edits: the appointment, the header and the record show it, on the same tab.
    void changesMadeElsewhereShowOnTheOpenPage()
    {
        QVERIFY(m_page->load(1));
        m_page->tabs()->setCurrentIndex(PatientPage::AppointmentsTab);
        const std::unique_ptr<ClinicSession> otherDesk = test::openSession(*m_fixture.temp, m_fixture.clock);
        const auto booked = otherDesk->service<BookingService>().book(
            test::bookingRequest(1, 1, 2, test::newYorkAt(QDate(2026, 11, 30), 10)));
        QVERIFY2(booked, qPrintable(booked ? QString() : booked.error().message()));
        Patient patient = otherDesk->service<PatientRepository>().find(1).value();
        patient.email = QStringLiteral("joanna@example.org");
        QVERIFY(otherDesk->service<PatientRepository>().update(patient).ok());

        QTRY_VERIFY(m_page->timeline()->itemOf(booked.value().id));
        QTRY_VERIFY2(m_page->detailsText().contains(QStringLiteral("joanna@example.org")),
                     qPrintable(m_page->detailsText()));
        QCOMPARE(m_page->recordForm()->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->text(),
                 QStringLiteral("joanna@example.org"));
        QCOMPARE(m_page->tabs()->currentIndex(), int(PatientPage::AppointmentsTab));
    }

    // Unsaved edits on the record while another desk saves the same record: the edits stay, the form says the record
    // was changed elsewhere and refuses to save over it; Revert shows what the other desk saved.
    void unsavedEditsAreNotSavedOverAChangeMadeElsewhere()
    {
        QVERIFY(m_page->load(1));
        ui::PatientRecordForm *form = m_page->recordForm();
        auto *phone = form->findChild<QLineEdit *>(QStringLiteral("phoneEdit"));
        phone->setText(QStringLiteral("555 0101"));
        QVERIFY(form->isModified());

        const std::unique_ptr<ClinicSession> otherDesk = test::openSession(*m_fixture.temp, m_fixture.clock);
        Patient patient = otherDesk->service<PatientRepository>().find(1).value();
        const QString storedPhone = patient.phone;
        patient.email = QStringLiteral("joanna@example.org");
        QVERIFY(otherDesk->service<PatientRepository>().update(patient).ok());

        QTRY_VERIFY(form->hasConflict());
        QVERIFY2(form->outcomeText().contains(QStringLiteral("changed at another desk")),
                 qPrintable(form->outcomeText()));
        QCOMPARE(phone->text(), QStringLiteral("555 0101"));
        test::saveScreenshot(m_page.get(), QStringLiteral("patientpage-changed-elsewhere"));
        QVERIFY(!form->save());
        QCOMPARE(otherDesk->service<PatientRepository>().find(1).value().email, QStringLiteral("joanna@example.org"));
        QCOMPARE(otherDesk->service<PatientRepository>().find(1).value().phone, storedPhone);

        form->revert();
        QVERIFY(!form->hasConflict());
        QVERIFY(!form->isModified());
        QCOMPARE(phone->text(), storedPhone);
        QCOMPARE(form->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->text(),
                 QStringLiteral("joanna@example.org"));
    }

    void theHeaderShowsNameAgePhonesAndNoScreeningYet()
    {
        QVERIFY(test::runAll(m_fixture.database(),
                             {QStringLiteral("UPDATE patient SET phone = '555 123 4567', phone_home = '555 000 1111' "
                                             "WHERE id = 1")}));
        QVERIFY(m_page->load(1));
        QCOMPARE(m_page->titleText(), QStringLiteral("Joanna Smith"));
        const QString details = m_page->detailsText();
        QVERIFY2(details.contains(QStringLiteral("38 years")), qPrintable(details));
        QVERIFY2(details.contains(shortDateText(QDate(1988, 4, 2))), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("Mobile 555 123 4567")));
        QVERIFY(details.contains(QStringLiteral("Home 555 000 1111")));
        QCOMPARE(m_page->screeningBadge()->level(), ScreeningBadge::Level::OutOfDate);
        QCOMPARE(m_page->screeningBadge()->levelText(), QStringLiteral("Not screened"));
        QVERIFY(m_page->screeningBadge()->detailText().contains(QStringLiteral("No screening answers")));
        QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("archivedTag"))->isVisible());
    }

    void recordedAnswersChangeTheStatusInTheHeader()
    {
        QVERIFY(m_page->load(1));
        m_page->tabs()->setCurrentIndex(PatientPage::ScreeningTab);
        QCOMPARE(screening()->questions().size(), 15);
        QCOMPARE(screening()->answeredOnText(question("pregnancy")), QStringLiteral("Not answered"));

        answerAllNo();
        clickRecord();
        QTRY_COMPARE(m_page->screeningBadge()->level(), ScreeningBadge::Level::Clear);
        QCOMPARE(m_page->screeningBadge()->levelText(), QStringLiteral("Screening clear"));
        QCOMPARE(screening()->answeredOnText(question("pregnancy")), shortDateText(QDate(2026, 11, 26)));
        QCOMPARE(screening()->historyView()->topLevelItemCount(), 15);

        // A caution: anticoagulants.
        screening()->answerCombo(question("anticoagulants"))->setCurrentIndex(ui::ScreeningForm::Yes);
        clickRecord();
        QTRY_COMPARE(m_page->screeningBadge()->level(), ScreeningBadge::Level::Caution);
        QVERIFY2(m_page->screeningBadge()->detailText().contains(QStringLiteral("Anticoagulants or bleeding disorder")),
                 qPrintable(m_page->screeningBadge()->detailText()));

        // A stop: isotretinoin two months ago. A malformed date first records nothing.
        const qint64 isotretinoin = question("isotretinoin");
        screening()->answerCombo(isotretinoin)->setCurrentIndex(ui::ScreeningForm::Yes);
        QVERIFY(screening()->dateEdit(isotretinoin)->isEnabled());
        screening()->dateEdit(isotretinoin)->setText(QStringLiteral("2026-13-01"));
        const int historyBefore = screening()->historyView()->topLevelItemCount();
        clickRecord();
        QVERIFY2(screening()->outcomeText().startsWith(QStringLiteral("Nothing recorded")),
                 qPrintable(screening()->outcomeText()));
        QVERIFY(screening()->outcomeText().contains(QStringLiteral("Isotretinoin")));
        QCOMPARE(screening()->historyView()->topLevelItemCount(), historyBefore);
        QCOMPARE(m_page->screeningBadge()->level(), ScreeningBadge::Level::Caution);

        screening()->dateEdit(isotretinoin)->setText(QStringLiteral("2026-09-26"));
        clickRecord();
        QTRY_COMPARE(m_page->screeningBadge()->level(), ScreeningBadge::Level::Stop);
        QCOMPARE(m_page->screeningBadge()->levelText(), QStringLiteral("Stop"));
        QVERIFY(m_page->screeningBadge()->detailText().contains(QStringLiteral("Isotretinoin within 180 days")));
        QVERIFY(m_page->screeningBadge()->detailText().contains(QStringLiteral("Anticoagulants")));
        QCOMPARE(screening()->historyView()->topLevelItemCount(), historyBefore + 15);
        QCOMPARE(screening()->historyView()->topLevelItem(0)->text(0), shortDateText(QDate(2026, 11, 26)));
    }

    void anOldScreeningIsOutOfDate()
    {
        QVERIFY(m_page->load(1));
        answerAllNo();
        clickRecord();
        QTRY_COMPARE(m_page->screeningBadge()->level(), ScreeningBadge::Level::Clear);
        m_fixture.clock.advanceSecs(qint64(100) * 24 * 3600);
        m_page->reload();
        QCOMPARE(m_page->screeningBadge()->level(), ScreeningBadge::Level::OutOfDate);
        QCOMPARE(m_page->screeningBadge()->levelText(), QStringLiteral("Screening out of date"));
        QVERIFY(m_page->screeningBadge()->detailText().contains(QStringLiteral("Screening out of date")));
    }

    void theTimelineListsAppointmentsWithNoShowsAndOpensUpcomingOnes()
    {
        const qint64 past = m_fixture.book(1, 2, 2, test::newYorkAt(QDate(2026, 11, 20), 10), true);
        const qint64 missed = m_fixture.book(1, 2, 2, test::newYorkAt(QDate(2026, 11, 23), 10), true);
        const qint64 upcoming = m_fixture.book(1, 1, 2, test::newYorkAt(QDate(2026, 11, 30), 10));
        QVERIFY(past && missed && upcoming);
        QVERIFY(test::runAll(m_fixture.database(),
                             {QStringLiteral("UPDATE appointment SET status = 'no_show' WHERE id = %1").arg(missed)}));
        QVERIFY(m_page->load(1));
        ui::PatientTimeline *timeline = m_page->timeline();
        QCOMPARE(timeline->noShows(), 1);
        QVERIFY2(timeline->summaryText().contains(QStringLiteral("3 appointments")),
                 qPrintable(timeline->summaryText()));
        QVERIFY(timeline->summaryText().contains(QStringLiteral("1 no-show")));
        QTreeWidgetItem *next = timeline->itemOf(upcoming);
        QVERIFY(next);
        QCOMPARE(next->text(ui::PatientTimeline::PractitionerColumn), QStringLiteral("Dr. Connie Hiers"));
        QCOMPARE(next->text(ui::PatientTimeline::TypeColumn), QStringLiteral("Consultation"));
        QVERIFY2(next->text(ui::PatientTimeline::WhenColumn).contains(QStringLiteral("10:00")),
                 qPrintable(next->text(ui::PatientTimeline::WhenColumn)));
        QCOMPARE(timeline->itemOf(missed)->text(ui::PatientTimeline::StatusColumn), QStringLiteral("No-show"));

        QSignalSpy open(m_page.get(), &PatientPage::openAppointmentRequested);
        m_page->tabs()->setCurrentIndex(PatientPage::AppointmentsTab);
        QTreeWidget *view = timeline->view();
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualItemRect(timeline->itemOf(past)).center());
        QCOMPARE(open.size(), 0);
        const QPoint centre = view->visualItemRect(next).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTRY_COMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toLongLong(), upcoming);
        QCOMPARE(open.at(0).at(1).toLongLong(), test::newYorkAt(QDate(2026, 11, 30), 10));
    }

    void plansAndHandoutsHaveTheirTabs()
    {
        QVERIFY(m_page->load(2));
        QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("plansEmptyLabel"))->isHidden());
        QVERIFY(test::runAll(m_fixture.database(),
                             {QStringLiteral(
                                 "INSERT INTO treatment_plan (patient_id, lead_practitioner_id, type_id, concerns, "
                                 "areas, planned_sessions, interval_min_weeks, interval_max_weeks, status, "
                                 "created_at, updated_at) VALUES (2, 1, 1, 'Acne scars', 'Face', 4, 4, 6, "
                                 "'active', 0, 0)")}));
        m_page->reload();
        QCOMPARE(m_page->planView()->topLevelItemCount(), 1);
        QTreeWidgetItem *plan = m_page->planView()->topLevelItem(0);
        QCOMPARE(plan->text(0), QStringLiteral("Acne scars"));
        QCOMPARE(plan->text(4), QStringLiteral("0 of 4"));
        QCOMPARE(plan->text(6), QStringLiteral("Not recorded"));
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("plansEmptyLabel"))->isHidden());
        const qint64 planId = plan->data(0, Qt::UserRole).toLongLong();
        QVERIFY(TreatmentPlanRepository(m_fixture.database(), m_fixture.clock)
                    .recordConsent(planId, QStringLiteral("MN-2026-1"), QDate(2026, 11, 20))
                    .ok());
        m_page->reload();
        QCOMPARE(m_page->planView()->topLevelItem(0)->text(6),
                 QStringLiteral("MN-2026-1, signed %1").arg(shortDateText(QDate(2026, 11, 20))));

        QWidget *handouts = m_page->handoutsSection();
        QVERIFY(handouts);
        QCOMPARE(m_page->tabs()->indexOf(handouts), int(PatientPage::HandoutsTab));
        QVERIFY(handouts->findChild<QLabel *>(QStringLiteral("handoutsEmptyLabel")));
    }

    void leavingWithUnsavedEditsAsksFirst()
    {
        QVERIFY(m_page->load(1));
        QSignalSpy back(m_page.get(), &PatientPage::backRequested);
        auto *family = m_page->recordForm()->findChild<QLineEdit *>(QStringLiteral("familyNameEdit"));
        family->setFocus();
        QTest::keyClicks(family, QStringLiteral("e"));
        m_fixture.prompter.confirmAnswers = {false};
        QTest::keyClick(family, Qt::Key_Escape);
        QCOMPARE(back.size(), 0);
        QCOMPARE(family->text(), QStringLiteral("Smithe"));
        m_fixture.prompter.confirmAnswers = {true};
        QTest::keyClick(family, Qt::Key_Escape);
        QCOMPARE(back.size(), 1);
        QCOMPARE(family->text(), QStringLiteral("Smith"));
        QCOMPARE(m_fixture.prompter.confirmations.size(), 2);
    }

    // Renders each tab to PNG in $DERMDESK_SCREENSHOT_DIR (when set), on a patient with some history.
    void screenshots()
    {
        if (qEnvironmentVariableIsEmpty("DERMDESK_SCREENSHOT_DIR"))
            QSKIP("DERMDESK_SCREENSHOT_DIR is not set");
        QVERIFY(
            test::runAll(m_fixture.database(),
                         {QStringLiteral("UPDATE patient SET phone = '(555) 123-4567', email = 'joanna@example.com', "
                                         "allergies = 'Lidocaine', fitzpatrick = 2 WHERE id = 1")}));
        QVERIFY(m_fixture.book(1, 2, 2, test::newYorkAt(QDate(2026, 11, 20), 10), true));
        QVERIFY(m_fixture.book(1, 1, 2, test::newYorkAt(QDate(2026, 11, 30), 10)));
        QVERIFY(m_page->load(1));
        answerAllNo();
        screening()->answerCombo(question("isotretinoin"))->setCurrentIndex(ui::ScreeningForm::Yes);
        screening()->dateEdit(question("isotretinoin"))->setText(QStringLiteral("2026-09-26"));
        clickRecord();
        for (int tab = 0; tab < m_page->tabs()->count(); ++tab) {
            m_page->tabs()->setCurrentIndex(tab);
            QCoreApplication::processEvents();
            test::saveScreenshot(m_page.get(), QStringLiteral("patientpage-%1").arg(tab));
        }
    }

    // The same on a demo clinic ($DERMDESK_DEMO_DB, a copy: it is migrated and written to), for the patient
    // with the most appointments, and the results list before it.
    void demoScreenshots()
    {
        const QString path = qEnvironmentVariable("DERMDESK_DEMO_DB");
        if (path.isEmpty() || qEnvironmentVariableIsEmpty("DERMDESK_SCREENSHOT_DIR"))
            QSKIP("DERMDESK_DEMO_DB or DERMDESK_SCREENSHOT_DIR is not set");
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        std::unique_ptr<Database> demo = std::move(opened).value();
        QSqlQuery query(demo->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT patient_id FROM appointment GROUP BY patient_id "
                                          "ORDER BY count(*) DESC LIMIT 1"))
                && query.next());
        const qint64 patient = query.value(0).toLongLong();
        query.finish();
        const std::unique_ptr<ClinicSession> demoSession = ClinicSession::adopt(std::move(demo));
        ui::PatientsArea area(*demoSession, m_fixture.prompter);
        area.resize(1600, 1000);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        test::saveScreenshot(&area, QStringLiteral("demo-results"));
        QElapsedTimer timer;
        timer.start();
        area.showPatient(patient);
        qInfo("Opening patient %lld (record, appointments, screening, plans): %lld ms", patient, timer.elapsed());
        area.showResults();
        timer.restart();
        area.showPatient(patient);
        qInfo("Opening them again: %lld ms", timer.elapsed());
        PatientPage *page = area.patientPage();
        for (int tab = 0; tab < page->tabs()->count(); ++tab) {
            page->tabs()->setCurrentIndex(tab);
            QCoreApplication::processEvents();
            test::saveScreenshot(&area, QStringLiteral("demo-page-%1").arg(tab));
        }
    }
};

QTEST_MAIN(TestPatientPage)
#include "tst_ui_patientpage.moc"
