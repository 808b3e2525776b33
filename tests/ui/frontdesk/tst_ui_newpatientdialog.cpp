#include "FrontDeskFixture.h"
#include "Keyboard.h"
#include "frontdesk/NewPatientDialog.h"

#include <QLineEdit>
#include <QPushButton>

using namespace dermdesk;

// The new-patient form refuses what the patient record refuses, with the same rules: the line under the
// form names the field and the rule, the field's label turns red, and nothing is stored.
class TestNewPatientDialog : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<ui::NewPatientDialog> m_dialog;

    QLineEdit *edit(const char *name) const { return m_dialog->findChild<QLineEdit *>(QLatin1String(name)); }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_newpatientdialog"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_dialog = std::make_unique<ui::NewPatientDialog>(m_fixture.database(), m_fixture.zone, m_fixture.clock);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.temp.reset();
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
