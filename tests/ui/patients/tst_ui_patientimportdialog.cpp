#include "FrontDeskFixture.h"
#include "patients/PatientImportDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>

using namespace dermdesk;
using ui::PatientImportDialog;

// Importing a small CSV from another system: guessed columns, preview, a dry run listing the bad rows by line,
// nothing saved until the user confirms, then the valid rows together.
class TestPatientImportDialog : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<PatientImportDialog> m_dialog;
    QTemporaryDir m_dir;

    QString writeCsv(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("patients.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    qint64 patients() { return m_fixture.count(QStringLiteral("SELECT count(*) FROM patient")); }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_patientimportdialog"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_dialog = std::make_unique<PatientImportDialog>(m_fixture.database(), m_fixture.clock, m_fixture.prompter);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.temp.reset();
    }

    void dryRunListsBadRowsAndImportWaitsForConfirmation()
    {
        // Line 3: a bad date; line 4: Joanna Smith, already a patient; line 5: a quoted field with a comma.
        const QString path = writeCsv("\xEF\xBB\xBF"
                                      "First name,Surname,DOB,Mobile\r\n"
                                      "Zo\xC3\xAB,\xC3\x85ngstr\xC3\xB6m,1985-03-12,555 123 0001\r\n"
                                      "Bad,Date,1985-13-40,\r\n"
                                      "Joanna,Smith,1988-04-02,\r\n"
                                      "\"Anne, Marie\",Dupont,1990-01-01,\r\n");
        QVERIFY(!path.isEmpty());
        auto *pathEdit = m_dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        pathEdit->setFocus();
        pathEdit->setText(path);
        QTest::keyClick(pathEdit, Qt::Key_Return);

        QCOMPARE(m_dialog->mappingBox(QStringLiteral("given_name"))->currentText(), QStringLiteral("First name"));
        QCOMPARE(m_dialog->mappingBox(QStringLiteral("birth_date"))->currentText(), QStringLiteral("DOB"));
        auto *preview = m_dialog->findChild<QTableWidget *>(QStringLiteral("previewTable"));
        QCOMPARE(preview->rowCount(), 4);
        QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("\u00c5ngstr\u00f6m"));
        QCOMPARE(preview->item(3, 0)->text(), QStringLiteral("Anne, Marie"));
        QVERIFY(!m_dialog->importButton()->isEnabled());

        const qint64 before = patients();
        QTest::mouseClick(m_dialog->dryRunButton(), Qt::LeftButton);
        auto *errors = m_dialog->findChild<QTreeWidget *>(QStringLiteral("errorList"));
        QCOMPARE(errors->topLevelItemCount(), 2);
        QCOMPARE(errors->topLevelItem(0)->text(0), QStringLiteral("3"));
        QCOMPARE(errors->topLevelItem(0)->text(1), QStringLiteral("birth_date"));
        QCOMPARE(errors->topLevelItem(1)->text(0), QStringLiteral("4"));
        QCOMPARE(errors->topLevelItem(1)->text(1), QStringLiteral("duplicate"));
        QVERIFY2(m_dialog->summaryText().contains(QLatin1String("2 can be imported")),
                 qPrintable(m_dialog->summaryText()));
        QCOMPARE(patients(), before);
        test::saveScreenshot(m_dialog.get(), QStringLiteral("patient-import"));

        // No: nothing is saved.
        QVERIFY(m_dialog->importButton()->isEnabled());
        QTest::mouseClick(m_dialog->importButton(), Qt::LeftButton);
        QCOMPARE(m_fixture.prompter.confirmations.size(), 1);
        QCOMPARE(patients(), before);

        m_fixture.prompter.confirmAnswers = {true};
        QSignalSpy imported(m_dialog.get(), &PatientImportDialog::imported);
        QTest::mouseClick(m_dialog->importButton(), Qt::LeftButton);
        QCOMPARE(imported.count(), 1);
        QCOMPARE(patients(), before + 2);
        QCOMPARE(m_fixture.count(
                     QStringLiteral("SELECT count(*) FROM patient WHERE family_name = '\u00c5ngstr\u00f6m'")),
                 1);
        QVERIFY(!m_dialog->importButton()->isEnabled());
    }

    void changingTheMappingAsksForANewDryRun()
    {
        const QString path = writeCsv("given,family,born\nAda,Byron,1985-12-10\n");
        QVERIFY(m_dialog->loadFile(path));
        QTest::mouseClick(m_dialog->dryRunButton(), Qt::LeftButton);
        QVERIFY2(m_dialog->importButton()->isEnabled(), qPrintable(m_dialog->summaryText()));
        QComboBox *birth = m_dialog->mappingBox(QStringLiteral("birth_date"));
        birth->setCurrentIndex(birth->findData(-1));
        QVERIFY(!m_dialog->importButton()->isEnabled());
        QVERIFY(m_dialog->summaryText().contains(QLatin1String("again")));
    }

    void anUnreadableFileIsRefusedWhole()
    {
        const QString path = writeCsv("given,family\n\"Ada,Lovelace\n");
        QVERIFY(!m_dialog->loadFile(path));
        QVERIFY(!m_dialog->dryRunButton()->isEnabled());
        QVERIFY(!m_dialog->summaryText().isEmpty());
    }
};

QTEST_MAIN(TestPatientImportDialog)
#include "tst_ui_patientimportdialog.moc"
