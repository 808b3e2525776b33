#include "FrontDeskFixture.h"
#include "TestSession.h"
#include "ui/patientfile/PatientImportDialog.h"

#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>

using namespace dermdesk;
using ui::PatientImportDialog;

// Importing a small CSV from another system: guessed columns, preview, a dry run listing the bad rows by line,
// then, when some rows are bad, the choice between importing nothing and skipping them; nothing saved until
// the user confirms, then the rows together.
class TestPatientImportDialog : public QObject
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

    // Clicks a radio button on its indicator, where a person clicks.
    static void choose(QRadioButton *choice)
    {
        QTest::mouseClick(choice, Qt::LeftButton, {}, QPoint(8, choice->height() / 2));
    }

    qint64 patients() { return m_fixture.count(QStringLiteral("SELECT count(*) FROM patient")); }

    // Line 3: a bad date; line 4: Joanna Smith, already a patient; line 5: a quoted field with a comma.
    QString fileWithTwoBadRows()
    {
        return writeCsv("\xEF\xBB\xBF"
                        "First name,Surname,DOB,Mobile\r\n"
                        "Zo\xC3\xAB,\xC3\x85ngstr\xC3\xB6m,1985-03-12,555 123 0001\r\n"
                        "Bad,Date,1985-13-40,\r\n"
                        "Joanna,Smith,1988-04-02,\r\n"
                        "\"Anne, Marie\",Dupont,1990-01-01,\r\n");
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_patientimportdialog"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_dialog = std::make_unique<PatientImportDialog>(session(), m_fixture.prompter);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_session.reset();
        m_fixture.temp.reset();
    }

    void badRowsAskWhatToDoAndSkippingImportsTheOthersAfterConfirmation()
    {
        const QString path = fileWithTwoBadRows();
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
        QVERIFY(!m_dialog->badRowsChoice()->isVisible());

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

        // The dialog asks; Import waits for the answer.
        QVERIFY(m_dialog->badRowsChoice()->isVisible());
        QVERIFY(!m_dialog->importNothingChoice()->isChecked() && !m_dialog->skipBadRowsChoice()->isChecked());
        QVERIFY2(m_dialog->skipBadRowsChoice()->text().contains(QLatin1String("2 valid")),
                 qPrintable(m_dialog->skipBadRowsChoice()->text()));
        QVERIFY(!m_dialog->importButton()->isEnabled());
        choose(m_dialog->skipBadRowsChoice());
        QVERIFY(m_dialog->skipBadRowsChoice()->isChecked());
        QVERIFY(m_dialog->importButton()->isEnabled());
        test::saveScreenshot(m_dialog.get(), QStringLiteral("patient-import"));

        // No: nothing is saved.
        QTest::mouseClick(m_dialog->importButton(), Qt::LeftButton);
        QCOMPARE(m_fixture.prompter.confirmations.size(), 1);
        QVERIFY(m_fixture.prompter.confirmations.first().contains(QLatin1String("skipped")));
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
        QVERIFY(!m_dialog->badRowsChoice()->isVisible());
    }

    void badRowsAndImportNothingSavesNothing()
    {
        QVERIFY(m_dialog->loadFile(fileWithTwoBadRows()));
        const qint64 before = patients();
        QTest::mouseClick(m_dialog->dryRunButton(), Qt::LeftButton);
        QVERIFY(m_dialog->badRowsChoice()->isVisible());
        choose(m_dialog->importNothingChoice());
        QVERIFY(m_dialog->importNothingChoice()->isChecked());
        QVERIFY(!m_dialog->importButton()->isEnabled());
        QVERIFY2(m_dialog->summaryText().contains(QLatin1String("Nothing will be imported")),
                 qPrintable(m_dialog->summaryText()));
        test::saveScreenshot(m_dialog.get(), QStringLiteral("patient-import-nothing"));
        m_fixture.prompter.confirmAnswers = {true};
        QTest::mouseClick(m_dialog->importButton(), Qt::LeftButton);
        QVERIFY(m_fixture.prompter.confirmations.isEmpty());
        QCOMPARE(patients(), before);

        // Changing one's mind is allowed until Import.
        choose(m_dialog->skipBadRowsChoice());
        QVERIFY(m_dialog->importButton()->isEnabled());
    }

    void aFileWithoutBadRowsImportsEveryRowWithoutTheQuestion()
    {
        QVERIFY(m_dialog->loadFile(writeCsv("given,family,born\rAda,Byron,1985-12-10\rBo,Berg,1991-03-04\r")));
        const qint64 before = patients();
        QTest::mouseClick(m_dialog->dryRunButton(), Qt::LeftButton);
        QVERIFY(!m_dialog->badRowsChoice()->isVisible());
        QVERIFY(m_dialog->importButton()->isEnabled());
        m_fixture.prompter.confirmAnswers = {true};
        QTest::mouseClick(m_dialog->importButton(), Qt::LeftButton);
        QCOMPARE(patients(), before + 2);
    }

    void specialFilesAreRefusedAtOnce()
    {
        QVERIFY(!m_dialog->loadFile(QStringLiteral("/dev/zero")));
        QVERIFY2(m_dialog->summaryText().contains(QLatin1String("not an ordinary file")),
                 qPrintable(m_dialog->summaryText()));
        QVERIFY(!m_dialog->dryRunButton()->isEnabled());
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
