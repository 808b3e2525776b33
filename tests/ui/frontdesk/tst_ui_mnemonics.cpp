#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "Mnemonics.h"
#include "PlanClinic.h"
#include "patients/PatientRepository.h"
#include "session/ClinicSession.h"
#include "treatment/CourseBooker.h"
#include "treatment/SeriesPlanner.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/frontdesk/FindSlotDialog.h"
#include "ui/frontdesk/WaitlistPanel.h"
#include "ui/patientfile/NewPatientDialog.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/patientfile/PatientRecordForm.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/plans/CourseDialog.h"
#include "ui/plans/PlanEditor.h"
#include "ui/plans/SessionRecordDialog.h"
#include "ui/settings/ClinicSettingsDialog.h"

#include <QLineEdit>
#include <QListWidget>

using namespace dermdesk;

// No two controls of a front-desk form answer to the same Alt+letter, in each state the form can be in.
class TestMnemonics : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;

    // The clinic session the widgets under test work on.
    ClinicSession &session() { return *m_fixture.session; }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_mnemonics"); }

    void init() { QVERIFY(m_fixture.init()); }

    void cleanup() { m_fixture.close(); }

    void theHelperFindsASharedLetter()
    {
        QWidget form;
        auto *first = new QLabel(QStringLiteral("&Type:"), &form);
        first->setBuddy(new QLineEdit(&form));
        auto *second = new QLabel(QStringLiteral("&to"), &form);
        second->setBuddy(new QLineEdit(&form));
        // A label without a buddy and a literal ampersand claim nothing.
        new QLabel(QStringLiteral("&Tag"), &form);
        auto *literal = new QLabel(QStringLiteral("Salt && &pepper"), &form);
        literal->setBuddy(new QLineEdit(&form));
        QCOMPARE(test::sharedMnemonics(&form), QStringList{QStringLiteral("t: &Type: / &to")});
    }

    void bookingForm()
    {
        ui::BookingDialog dialog(*m_fixture.session, m_fixture.prompter);
        dialog.setPrefill({});
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
        const qint64 id = m_fixture.book(1, 2, 2, test::newYorkAt(QDate(2026, 11, 27), 10));
        QVERIFY(id > 0);
        QVERIFY(dialog.editAppointment(id).ok());
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
    }

    void findASlot()
    {
        ui::FindSlotDialog dialog(*m_fixture.session);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
    }

    void newPatientWithAndWithoutPossibleDuplicates()
    {
        ui::NewPatientDialog dialog(*m_fixture.session);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
        dialog.setNameText(QStringLiteral("Joanna Smith 1988-04-02"));
        dialog.create();
        QVERIFY(dialog.duplicateList()->isVisibleTo(&dialog));
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
    }

    void patientsArea()
    {
        ui::PatientsArea area(session(), m_fixture.prompter);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&area);
    }

    void patientRecord()
    {
        ui::PatientRecordForm form(session(), m_fixture.prompter);
        const auto patient = PatientRepository(m_fixture.database(), m_fixture.clock).find(1);
        QVERIFY(patient.ok());
        form.setPatient(patient.value());
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&form);
    }

    // The record form with the page's tabs around it.
    void patientPage()
    {
        ui::PatientPage page(session(), m_fixture.prompter);
        QVERIFY(page.load(1));
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&page);
    }

    void treatmentPlan()
    {
        ui::PlanEditor editor(session(), 1);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&editor);
    }

    void waitlistWithItsAddForm()
    {
        ui::WaitlistPanel panel(*m_fixture.session, m_fixture.prompter);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&panel);
        panel.showAddForm();
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&panel);
    }

    void clinicSettingsPages_data()
    {
        using Page = ui::ClinicSettingsDialog::Page;
        QTest::addColumn<int>("page");
        QTest::newRow("Clinic") << int(Page::Clinic);
        QTest::newRow("Practitioners") << int(Page::Practitioners);
        QTest::newRow("Rooms") << int(Page::Rooms);
        QTest::newRow("Appointment types") << int(Page::AppointmentTypes);
        QTest::newRow("Blockouts") << int(Page::Blockouts);
        QTest::newRow("Screening rules") << int(Page::ScreeningRules);
        QTest::newRow("Downtime") << int(Page::Downtime);
        QTest::newRow("Plan defaults") << int(Page::PlanDefaults);
        QTest::newRow("Treatment concerns") << int(Page::TreatmentConcerns);
        QTest::newRow("Treatment areas") << int(Page::TreatmentAreas);
    }

    // Each page with the dialog's own buttons around it.
    void clinicSettingsPages()
    {
        QFETCH(int, page);
        auto reopened = m_fixture.temp->reopen();
        QVERIFY(reopened);
        const auto session = ClinicSession::adopt(std::move(reopened).value(), m_fixture.clock);
        ui::ClinicSettingsDialog dialog(*session, m_fixture.prompter);
        dialog.showPage(ui::ClinicSettingsDialog::Page(page));
        QCOMPARE(int(dialog.currentPage()), page);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
    }

    void bookCourse()
    {
        const TreatmentPlan plan = TreatmentPlanRepository(m_fixture.database(), m_fixture.clock)
                                       .create(test::microneedlingPlan(4, 4, 6))
                                       .value();
        ui::CourseDialog dialog(session(), plan.id);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
    }

    void sessionRecord()
    {
        QVERIFY(test::screenFixturePatients(*m_fixture.temp, test::dayBeforeTestNow, 365));
        const TreatmentPlan plan = TreatmentPlanRepository(m_fixture.database(), m_fixture.clock)
                                       .create(test::microneedlingPlan(3, 4, 6))
                                       .value();
        auto proposal = SeriesPlanner(m_fixture.database(), m_fixture.clock).propose(plan);
        QVERIFY(proposal.ok());
        auto booked = CourseBooker(m_fixture.database(), m_fixture.clock).bookCourse(plan, proposal.value());
        QVERIFY2(booked.ok(), qPrintable(booked.ok() ? QString() : booked.error().message()));
        ui::SessionRecordDialog dialog(session(), booked.value().constFirst().id);
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(&dialog);
    }
};

QTEST_MAIN(TestMnemonics)
#include "tst_ui_mnemonics.moc"
