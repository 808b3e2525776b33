#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "ui/patientfile/NewPatientDialog.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>

using namespace dermdesk;

// The new-patient form refuses what the patient record refuses, with the same rules: the line under the
// form names the field and the rule, the field's label turns red, and nothing is stored. It takes what
// was typed in a search, and its check for the same person never makes an existing record the answer
// to Enter.
class TestNewPatientDialog : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<ui::NewPatientDialog> m_dialog;

    QLineEdit *edit(const char *name) const { return m_dialog->findChild<QLineEdit *>(QLatin1String(name)); }
    QPushButton *button(const char *name) const { return m_dialog->findChild<QPushButton *>(QLatin1String(name)); }

    // Enters Joanna Smith, born 1988-04-02 (patient 1 of the fixture), and presses Enter.
    void enterJoannaSmithAgain()
    {
        test::typeText(edit("givenNameEdit"), QStringLiteral("Joanna"));
        test::typeText(edit("familyNameEdit"), QStringLiteral("Smith"));
        test::typeText(edit("birthDateEdit"), QStringLiteral("1988-04-02"));
        QTest::keyClick(edit("birthDateEdit"), Qt::Key_Return);
        QVERIFY(m_dialog->duplicateList()->isVisible());
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_newpatientdialog"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_dialog = std::make_unique<ui::NewPatientDialog>(*m_fixture.session);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.close();
    }

    void whatWasSearchedForFillsTheForm_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("fields");
        const auto fields = [](std::initializer_list<const char *> texts) {
            QStringList list;
            for (const char *text : texts)
                list << QString::fromUtf8(text);
            return list;
        };
        QTest::newRow("given family") << QStringLiteral("Quentin Marlowe")
                                      << fields({"Quentin", "Marlowe", "", "", ""});
        QTest::newRow("family, given") << QStringLiteral("Marlowe, Quentin")
                                       << fields({"Quentin", "Marlowe", "", "", ""});
        QTest::newRow("one word is the family name")
            << QStringLiteral("marlowe") << fields({"", "marlowe", "", "", ""});
        QTest::newRow("two given names") << QStringLiteral("Anne Marie Dupont")
                                         << fields({"Anne Marie", "Dupont", "", "", ""});
        QTest::newRow("phone and birth date") << QStringLiteral("Quentin Marlowe +1 (555) 010-0199 1988-03-14")
                                              << fields({"Quentin", "Marlowe", "1988-03-14", "+1 (555) 010-0199", ""});
        QTest::newRow("only a phone") << QStringLiteral("555 0199") << fields({"", "", "", "555 0199", ""});
        QTest::newRow("e-mail") << QStringLiteral("q.marlowe@example.org Marlowe")
                                << fields({"", "Marlowe", "", "", "q.marlowe@example.org"});
    }

    void whatWasSearchedForFillsTheForm()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, fields);
        m_dialog->setNameText(typed);
        QCOMPARE(edit("givenNameEdit")->text(), fields.at(0));
        QCOMPARE(edit("familyNameEdit")->text(), fields.at(1));
        QCOMPARE(edit("birthDateEdit")->text(), fields.at(2));
        QCOMPARE(edit("phoneEdit")->text(), fields.at(3));
        QCOMPARE(edit("emailEdit")->text(), fields.at(4));
    }

    // When the patient may be registered already, the candidates say what matched, and Enter still creates
    // the new patient: "Create new patient" stays the default button.
    void enterCreatesTheNewPatientWhenDuplicatesAreListed()
    {
        const qint64 before = m_fixture.count(QStringLiteral("SELECT count(*) FROM patient"));
        QSignalSpy ready(m_dialog.get(), &ui::NewPatientDialog::patientReady);
        enterJoannaSmithAgain();
        QCOMPARE(ready.count(), 0);
        QCOMPARE(m_dialog->duplicateList()->count(), 1);
        QVERIFY2(m_dialog->duplicateList()->item(0)->text().endsWith(QLatin1String("same name and birth date")),
                 qPrintable(m_dialog->duplicateList()->item(0)->text()));
        QPushButton *create = button("createButton");
        QVERIFY(create->isDefault());
        QCOMPARE(create->text(), QStringLiteral("&Create new patient"));
        QVERIFY(!button("useDuplicateButton")->isDefault());
        test::saveScreenshot(m_dialog.get(), QStringLiteral("new-patient-duplicates"));
        // Enter, even from the list of candidates, creates a new record.
        m_dialog->duplicateList()->setFocus();
        QTest::keyClick(m_dialog->duplicateList(), Qt::Key_Return);
        QCOMPARE(ready.count(), 1);
        QVERIFY(ready.at(0).at(0).toLongLong() != 1);
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM patient")), before + 1);
    }

    // Taking the existing record is a click on "Use selected patient".
    void choosingTheExistingPatientTakesAClick()
    {
        const qint64 before = m_fixture.count(QStringLiteral("SELECT count(*) FROM patient"));
        QSignalSpy ready(m_dialog.get(), &ui::NewPatientDialog::patientReady);
        enterJoannaSmithAgain();
        QTest::mouseClick(button("useDuplicateButton"), Qt::LeftButton);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.at(0).at(0).toLongLong(), qint64(1));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM patient")), before);
    }

    void aNameThatCouldDisguiseItselfIsRefusedByName()
    {
        const qint64 before = m_fixture.count(QStringLiteral("SELECT count(*) FROM patient"));
        test::typeText(edit("givenNameEdit"), QStringLiteral("Ava"));
        test::typeText(edit("familyNameEdit"), QString(QChar(0x202e)) + QStringLiteral("namweN"));
        test::typeText(edit("birthDateEdit"), QStringLiteral("1990-05-06"));
        QTest::mouseClick(m_dialog->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        QCOMPARE(m_dialog->errorField(), QStringLiteral("family_name"));
        QVERIFY2(m_dialog->outcomeText().startsWith(QLatin1String("Family name: must not hold direction overrides")),
                 qPrintable(m_dialog->outcomeText()));
        QVERIFY(m_dialog->isVisible());
        test::saveScreenshot(m_dialog.get(), QStringLiteral("new-patient-direction-override"));
        QCOMPARE(m_fixture.count(QStringLiteral("SELECT count(*) FROM patient")), before);
    }
};

QTEST_MAIN(TestNewPatientDialog)
#include "tst_ui_newpatientdialog.moc"
