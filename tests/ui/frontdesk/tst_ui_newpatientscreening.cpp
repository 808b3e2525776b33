#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "Mnemonics.h"
#include "common/TimeFormat.h"
#include "ui/frontdesk/BookingDialog.h"
#include "ui/patientfile/NewPatientDialog.h"
#include "ui/patientfile/PatientPage.h"
#include "ui/patientfile/PatientPicker.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/patientfile/ScreeningBadge.h"
#include "ui/patientfile/ScreeningDialog.h"
#include "ui/patientfile/ScreeningForm.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>

using namespace dermdesk;
using ui::BookingDialog;
using ui::NewPatientDialog;
using ui::ScreeningDialog;

// Right after a patient is registered from the booking form, the desk is offered the screening: record
// it there ("No to all" and the exceptions), or skip it. Choosing an existing patient offers nothing.
class TestNewPatientScreening : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;

    // The clinic session the widgets under test work on.
    ClinicSession &session() { return *m_fixture.session; }
    std::unique_ptr<BookingDialog> m_dialog;

    // Registers Ava Newman through the booking form's "New patient…"; returns the screening step offered.
    ScreeningDialog *registerNewPatient()
    {
        NewPatientDialog *form = m_dialog->openNewPatient();
        QSignalSpy offered(form, &NewPatientDialog::screeningOffered);
        form->setNameText(QStringLiteral("Ava Newman"));
        test::typeText(form->findChild<QLineEdit *>(QStringLiteral("birthDateEdit")), QStringLiteral("1990-05-06"));
        test::typeText(form->findChild<QLineEdit *>(QStringLiteral("phoneEdit")), QStringLiteral("555 123 4567"));
        QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        if (offered.count() != 1)
            return nullptr;
        return offered.first().first().value<ScreeningDialog *>();
    }

    [[nodiscard]] qint64 newPatientId()
    {
        return m_fixture.count(QStringLiteral("SELECT id FROM patient WHERE family_name = 'Newman'"));
    }

private slots:
    void initTestCase()
    {
        test::FrontDeskFixture::initTestCase("tst_ui_newpatientscreening");
        qRegisterMetaType<ScreeningDialog *>();
    }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_dialog = std::make_unique<BookingDialog>(*m_fixture.session, m_fixture.prompter);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.close();
    }

    void screeningIsOfferedAndRecordedRightAfterCreating()
    {
        QPointer<ScreeningDialog> screening = registerNewPatient();
        QVERIFY(screening);
        const qint64 id = newPatientId();
        QVERIFY(id > 0);
        QCOMPARE(screening->patientId(), id);
        QTRY_VERIFY(screening->isVisible());
        QVERIFY(screening->windowTitle().contains(QStringLiteral("Ava Newman")));
        QVERIFY(screening->findChild<QLabel *>(QStringLiteral("screeningIntro"))
                    ->text()
                    .startsWith(QStringLiteral("Ava Newman is registered.")));
        // The booking form already holds the new patient underneath.
        QCOMPARE(m_dialog->patientPicker()->patientId(), id);
        // The step starts on "No to all"; Space presses it, then one exception.
        ui::ScreeningForm *form = screening->form();
        QTRY_COMPARE(QApplication::focusWidget(), form->noToAllButton());
        // Enter does not answer for the patient.
        QTest::keyClick(form->noToAllButton(), Qt::Key_Return);
        QCOMPARE(form->answerCombo(form->questions().first().id)->currentIndex(), int(ui::ScreeningForm::NotAnswered));
        DERMDESK_VERIFY_UNIQUE_MNEMONICS(screening.data());
        QTest::keyClick(form->noToAllButton(), Qt::Key_Space);
        for (const ScreeningQuestion &q : form->questions())
            QCOMPARE(form->answerCombo(q.id)->currentIndex(), int(ui::ScreeningForm::No));
        qint64 allergy = 0;
        for (const ScreeningQuestion &q : form->questions()) {
            if (q.code == QLatin1String("metal_lidocaine_allergy"))
                allergy = q.id;
        }
        form->answerCombo(allergy)->setFocus();
        QTest::keyClick(form->answerCombo(allergy), Qt::Key_Y);
        test::saveScreenshot(screening, QStringLiteral("new-patient-screening"));
        QSignalSpy recorded(screening.data(), &ScreeningDialog::recorded);
        QTest::mouseClick(form->recordButton(), Qt::LeftButton);
        QCOMPARE(recorded.count(), 1);
        QTRY_VERIFY(!screening || !screening->isVisible());
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM screening_answer WHERE patient_id = %1").arg(id)),
                 qint64(15));
        QCOMPARE(m_fixture.count(
                     QStringLiteral("SELECT question_id FROM screening_answer WHERE patient_id = %1 AND answer = 1")
                         .arg(id)),
                 allergy);
        QCOMPARE(m_fixture.count(
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'screening' AND entity_id = %1")
                         .arg(id)),
                 qint64(1));
        QVERIFY(m_dialog->isVisible());
    }

    void theStepCanBeSkipped()
    {
        QPointer<ScreeningDialog> screening = registerNewPatient();
        QVERIFY(screening);
        QTRY_VERIFY(screening->isVisible());
        QTest::keyClick(screening.data(), Qt::Key_Escape);
        QTRY_VERIFY(!screening || !screening->isVisible());
        const qint64 id = newPatientId();
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM screening_answer WHERE patient_id = %1").arg(id)),
                 qint64(0));
        QCOMPARE(m_dialog->patientPicker()->patientId(), id);
    }

    // From a search with no match on the patients area: the page opened underneath shows the answers.
    void aPatientRegisteredFromTheSearchIsScreenedOverTheirPage()
    {
        m_dialog.reset();
        ui::PatientsArea area(session(), m_fixture.prompter);
        area.resize(1280, 800);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.searchEdit()->setText(QStringLiteral("Quentin Marlowe"));
        NewPatientDialog *form = area.newPatient();
        QSignalSpy offered(form, &NewPatientDialog::screeningOffered);
        test::typeText(form->findChild<QLineEdit *>(QStringLiteral("birthDateEdit")), QStringLiteral("1988-03-14"));
        QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        QCOMPARE(offered.count(), 1);
        QPointer<ScreeningDialog> screening = offered.first().first().value<ScreeningDialog *>();
        QVERIFY(screening);
        QTRY_VERIFY(area.isPageShown());
        ui::PatientPage *page = area.patientPage();
        QCOMPARE(page->patientId(), screening->patientId());
        QCOMPARE(page->screeningBadge()->levelText(), QStringLiteral("Not screened"));
        QTRY_VERIFY(screening->isVisible());
        test::saveScreenshot(screening, QStringLiteral("new-patient-screening-from-search"));
        QTest::mouseClick(screening->form()->noToAllButton(), Qt::LeftButton);
        QTest::mouseClick(screening->form()->recordButton(), Qt::LeftButton);
        QTRY_VERIFY(!screening || !screening->isVisible());
        QTRY_COMPARE(page->screeningBadge()->level(), ui::ScreeningBadge::Level::Clear);
        const qint64 first = page->screeningForm()->questions().first().id;
        QCOMPARE(page->screeningForm()->answeredOnText(first), shortDateText(QDate(2026, 11, 26)));
    }

    void choosingAnExistingPatientOffersNothing()
    {
        NewPatientDialog *form = m_dialog->openNewPatient();
        QSignalSpy offered(form, &NewPatientDialog::screeningOffered);
        form->setNameText(QStringLiteral("joanna smith"));
        test::typeText(form->findChild<QLineEdit *>(QStringLiteral("birthDateEdit")), QStringLiteral("1988-04-02"));
        form->create();
        QVERIFY(form->duplicateList()->isVisible());
        form->duplicateList()->setCurrentRow(0);
        QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("useDuplicateButton")), Qt::LeftButton);
        QCOMPARE(m_dialog->patientPicker()->patientId(), qint64(1));
        QCOMPARE(offered.count(), 0);
        QVERIFY(!m_dialog->findChild<ScreeningDialog *>());
    }
};

QTEST_MAIN(TestNewPatientScreening)
#include "tst_ui_newpatientscreening.moc"
