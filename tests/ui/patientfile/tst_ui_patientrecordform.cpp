#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "TestSession.h"
#include "patients/PatientRepository.h"
#include "ui/patientfile/PatientRecordForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace dermdesk;
using ui::PatientRecordForm;

// Editing a patient's record in place: bad input names the field and the rule and saves nothing; good
// input is saved and reads back the same; archiving asks first.
class TestPatientRecordForm : public QObject
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
    std::unique_ptr<PatientRecordForm> m_form;

    template<typename T>
    T *field(const char *name) const
    {
        auto *widget = m_form->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no field %s", name);
        return widget;
    }

    Patient stored(qint64 id) const
    {
        auto found = PatientRepository(m_fixture.temp->database(), m_fixture.clock).find(id);
        return found ? found.value() : Patient{};
    }

    void retype(const char *name, const QString &text)
    {
        QLineEdit *edit = field<QLineEdit>(name);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    void clickSave() { QTest::mouseClick(field<QPushButton>("saveButton"), Qt::LeftButton); }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_patientrecordform"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_form = std::make_unique<PatientRecordForm>(session(), m_fixture.prompter);
        m_form->setPatient(stored(1));
        m_form->resize(1200, 700);
        m_form->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
    }

    void cleanup()
    {
        m_form.reset();
        m_session.reset();
        m_fixture.temp.reset();
    }

    void showsTheStoredRecordWithSaveDisabled()
    {
        QCOMPARE(field<QLineEdit>("givenNameEdit")->text(), QStringLiteral("Joanna"));
        QCOMPARE(field<QLineEdit>("birthDateEdit")->text(), QStringLiteral("1988-04-02"));
        QVERIFY(!field<QPushButton>("saveButton")->isEnabled());
        QCOMPARE(field<QPushButton>("archiveButton")->text(), QStringLiteral("Archive patient\u2026"));
    }

    void aBadEmailNamesTheFieldAndSavesNothing()
    {
        retype("phoneEdit", QStringLiteral("555 123 4567"));
        retype("emailEdit", QStringLiteral("joanna@example"));
        QVERIFY(m_form->isModified());
        clickSave();
        const QString message = m_form->fieldMessage(QStringLiteral("email"));
        QVERIFY2(message.startsWith(QStringLiteral("E-mail: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("name@example.com")), qPrintable(message));
        QVERIFY(field<QLabel>("emailMessage")->isVisible());
        QVERIFY2(m_form->outcomeText().startsWith(QStringLiteral("Not saved")), qPrintable(m_form->outcomeText()));
        QCOMPARE(QApplication::focusWidget(), field<QLineEdit>("emailEdit"));
        // Nothing at all was saved, not even the good phone number.
        QCOMPARE(stored(1).email, QString());
        QCOMPARE(stored(1).phone, QString());
        QVERIFY(m_form->isModified());
    }

    void aFutureBirthDateOrABadDateIsRefusedByName()
    {
        retype("birthDateEdit", QStringLiteral("2030-01-01"));
        clickSave();
        QVERIFY2(m_form->fieldMessage(QStringLiteral("birth_date")).startsWith(QStringLiteral("Birth date: ")),
                 qPrintable(m_form->fieldMessage(QStringLiteral("birth_date"))));
        QVERIFY(m_form->fieldMessage(QStringLiteral("birth_date")).contains(QStringLiteral("future")));
        retype("birthDateEdit", QStringLiteral("31.02.1990"));
        clickSave();
        QVERIFY(m_form->fieldMessage(QStringLiteral("birth_date")).contains(QStringLiteral("YYYY-MM-DD")));
        retype("givenNameEdit", QString());
        retype("birthDateEdit", QStringLiteral("1988-04-02"));
        clickSave();
        QVERIFY(m_form->fieldMessage(QStringLiteral("birth_date")).isEmpty());
        QVERIFY(m_form->fieldMessage(QStringLiteral("given_name")).startsWith(QStringLiteral("Given name: ")));
        QCOMPARE(stored(1).givenName, QStringLiteral("Joanna"));
        QCOMPARE(stored(1).birthDate, QDate(1988, 4, 2));
    }

    void aNameThatCouldDisguiseItselfIsRefusedInline()
    {
        // A right-to-left override typed (or pasted) before the name would show "Joanna" reversed.
        QLineEdit *given = field<QLineEdit>("givenNameEdit");
        given->setFocus();
        given->home(false);
        test::typeText(given, QString(QChar(0x202e)));
        QCOMPARE(given->text(), QChar(0x202e) + QStringLiteral("Joanna"));
        clickSave();
        const QString message = m_form->fieldMessage(QStringLiteral("given_name"));
        QVERIFY2(message.startsWith(QStringLiteral("Given name: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("direction override")), qPrintable(message));
        QVERIFY(field<QLabel>("given_nameMessage")->isVisible());
        QVERIFY2(m_form->outcomeText().startsWith(QStringLiteral("Not saved")), qPrintable(m_form->outcomeText()));
        QCOMPARE(QApplication::focusWidget(), given);
        QCOMPARE(stored(1).givenName, QStringLiteral("Joanna"));

        // A family name of nothing but a zero-width space looks empty yet is not.
        retype("givenNameEdit", QStringLiteral("Joanna"));
        retype("familyNameEdit", QString());
        test::typeText(field<QLineEdit>("familyNameEdit"), QString(QChar(0x200b)));
        clickSave();
        QVERIFY(m_form->fieldMessage(QStringLiteral("given_name")).isEmpty());
        const QString family = m_form->fieldMessage(QStringLiteral("family_name"));
        QVERIFY2(family.startsWith(QStringLiteral("Family name: ")) && family.contains(QStringLiteral("invisible")),
                 qPrintable(family));
        test::saveScreenshot(m_form.get(), QStringLiteral("record-invisible-name"));
        QCOMPARE(stored(1).familyName, QStringLiteral("Smith"));
    }

    void aGoodEditIsSavedAndStillThereAfterReopening()
    {
        QSignalSpy saved(m_form.get(), &PatientRecordForm::saved);
        retype("preferredNameEdit", QStringLiteral("Jo"));
        retype("phoneEdit", QStringLiteral("(555) 123-4567"));
        retype("emailEdit", QStringLiteral("jo.smith@example.com"));
        retype("emergencyContactEdit", QStringLiteral("Sam Smith (brother) 555 987 6543"));
        field<QComboBox>("channelCombo")->setCurrentIndex(1);
        field<QCheckBox>("consentCheck")->setChecked(true);
        field<QComboBox>("fitzpatrickCombo")->setCurrentIndex(3);
        field<QCheckBox>("allergyCheck0")->setChecked(true);
        retype("otherAllergiesEdit", QStringLiteral("penicillin"));
        field<QPlainTextEdit>("medicationsEdit")->setPlainText(QStringLiteral("Levothyroxine 50 µg"));
        field<QPlainTextEdit>("notesEdit")->setPlainText(QStringLiteral("Prefers afternoons'); DROP TABLE patient;--"));
        QTest::keyClick(field<QLineEdit>("phoneEdit"), Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(m_form->outcomeText(), QStringLiteral("Saved."));
        QVERIFY(!m_form->isModified());

        const Patient patient = stored(1);
        QCOMPARE(patient.preferredName, QStringLiteral("Jo"));
        QCOMPARE(patient.phone, QStringLiteral("(555) 123-4567"));
        QCOMPARE(patient.preferredChannel, QStringLiteral("sms"));
        QVERIFY(patient.reminderConsent);
        QCOMPARE(patient.fitzpatrick, std::optional<int>(3));
        QCOMPARE(patient.allergies, QStringLiteral("Lidocaine; penicillin"));
        QCOMPARE(patient.notes, QStringLiteral("Prefers afternoons'); DROP TABLE patient;--"));

        // A fresh form on the stored record shows the same.
        PatientRecordForm reopened(session(), m_fixture.prompter);
        reopened.setPatient(patient);
        QCOMPARE(reopened.findChild<QLineEdit *>(QStringLiteral("emailEdit"))->text(),
                 QStringLiteral("jo.smith@example.com"));
        QVERIFY(reopened.findChild<QCheckBox *>(QStringLiteral("allergyCheck0"))->isChecked());
        QCOMPARE(reopened.findChild<QLineEdit *>(QStringLiteral("otherAllergiesEdit"))->text(),
                 QStringLiteral("penicillin"));
        QCOMPARE(reopened.findChild<QComboBox *>(QStringLiteral("fitzpatrickCombo"))->currentIndex(), 3);
        QVERIFY(!reopened.isModified());
    }

    void revertPutsBackWhatIsStored()
    {
        retype("familyNameEdit", QStringLiteral("Smythe"));
        QVERIFY(field<QPushButton>("revertButton")->isEnabled());
        QTest::mouseClick(field<QPushButton>("revertButton"), Qt::LeftButton);
        QCOMPARE(field<QLineEdit>("familyNameEdit")->text(), QStringLiteral("Smith"));
        QVERIFY(!m_form->isModified());
        QCOMPARE(stored(1).familyName, QStringLiteral("Smith"));
    }

    void archivingAsksFirstAndNeverDeletes()
    {
        m_fixture.prompter.confirmAnswers = {false};
        QTest::mouseClick(field<QPushButton>("archiveButton"), Qt::LeftButton);
        QCOMPARE(m_fixture.prompter.confirmations.size(), 1);
        QVERIFY(m_fixture.prompter.confirmations.at(0).contains(QStringLiteral("Archive Joanna Smith?")));
        QVERIFY(!stored(1).archived);

        m_fixture.prompter.confirmAnswers = {true};
        QTest::mouseClick(field<QPushButton>("archiveButton"), Qt::LeftButton);
        QVERIFY(stored(1).archived);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM patient WHERE id = 1")), qint64(1));
        QCOMPARE(field<QPushButton>("archiveButton")->text(), QStringLiteral("Restore patient\u2026"));
        QVERIFY(!m_form->isModified());

        m_fixture.prompter.confirmAnswers = {true};
        QTest::mouseClick(field<QPushButton>("archiveButton"), Qt::LeftButton);
        QVERIFY(!stored(1).archived);
    }
};

QTEST_MAIN(TestPatientRecordForm)
#include "tst_ui_patientrecordform.moc"
