#include "EducationClinic.h"
#include "FakeClock.h"
#include "PdfText.h"
#include "ScriptedPrompter.h"
#include "TestSession.h"
#include "education/EducationTemplateRepository.h"
#include "ui/handouts/EducationTemplatesDialog.h"
#include "ui/handouts/HandoutDialog.h"
#include "ui/handouts/HandoutHistory.h"
#include "ui/handouts/HandoutPrinter.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTextEdit>
#include <QTreeWidget>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::ui;

// Printing a handout from the desk: choose what it holds, save it as PDF, see it logged on the patient page;
// and editing the clinic's pre-care text, which the next handout prints.
class TestHandoutDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<ClinicSession> m_session;

    // The clinic session the widgets under test work on (opened on first use).
    ClinicSession &session()
    {
        if (!m_session)
            m_session = test::openSession(*m_temp, m_clock);
        return *m_session;
    }
    test::FakeClock m_clock{test::educationNow()};
    test::ScriptedPrompter m_prompter;
    QMainWindow m_window;

    // The PDF's words as a reader sees them (one space between words, ligatures unfolded).
    static QString pdfText(const QString &path)
    {
        const test::PdfText read = test::PdfText::read(path);
        if (!read.error.isEmpty())
            qWarning("%s", qPrintable(read.error));
        return read.words();
    }

private slots:
    void init()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext (poppler-utils, installed by packaging/dev.sh) is missing");
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedEducationClinic(*m_temp));
        m_prompter.errors.clear();
    }

    void cleanup()
    {
        m_session.reset();
        m_temp.reset();
    }

    void savesThePdfWithTheChosenSectionsAndLogsIt()
    {
        HandoutPrinter printer(session(), m_prompter, &m_window);
        const QString pdf = m_temp->folder() + QStringLiteral("/handout.pdf");
        QString suggested;
        printer.setFileChooser([&](QWidget *, const QString &name) {
            suggested = name;
            return pdf;
        });
        HandoutDialog dialog(printer, 1, m_prompter, &m_window);
        QVERIFY(dialog.load());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Handout for Joanna Smith"));
        QCOMPARE(dialog.sectionList()->count(), 7);
        // Only "Benefits of Microneedling": untick the others with the keyboard.
        for (int row = 0; row < dialog.sectionList()->count(); ++row) {
            if (row == 3)
                continue;
            dialog.sectionList()->setCurrentRow(row);
            QTest::keyClick(dialog.sectionList(), Qt::Key_Space);
        }
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(pdf));
        QCOMPARE(suggested, QStringLiteral("Handout for Joanna Smith.pdf"));
        QVERIFY(m_prompter.errors.isEmpty());
        // The window's status bar says what was saved where.
        QCOMPARE(m_window.statusBar()->currentMessage(),
                 QStringLiteral("Saved Handout for Joanna Smith as %1").arg(pdf));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("Joanna Smith")));
        QVERIFY(text.contains(QLatin1String("Benefits of Microneedling")));
        QVERIFY(!text.contains(QLatin1String("Understanding Microneedling")));
        QVERIFY(text.contains(QLatin1String("Monday, 16 March 2026")));

        HandoutHistory history(session());
        history.showPatient(1);
        QCOMPARE(history.list()->topLevelItemCount(), 1);
        const QTreeWidgetItem *row = history.list()->topLevelItem(0);
        QCOMPARE(row->text(1), QStringLiteral("Handout"));
        QVERIFY(row->text(2).contains(QLatin1String("Benefits of Microneedling")));
        QVERIFY(row->text(2).contains(QLatin1String("Before your treatment (version 1)")));
        QCOMPARE(row->text(4), QStringLiteral("PDF"));
    }

    void cancellingTheFileChooserLogsNothing()
    {
        HandoutPrinter printer(session(), m_prompter, &m_window);
        printer.setFileChooser([](QWidget *, const QString &) { return QString(); });
        HandoutDialog dialog(printer, 1, m_prompter, &m_window);
        QVERIFY(dialog.load());
        m_window.statusBar()->clearMessage();
        dialog.savePdf();
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM handout_log")).toInt(), 0);
        QVERIFY(m_window.statusBar()->currentMessage().isEmpty());
    }

    void anEditedTemplateIsPrintedWithItsNewVersion()
    {
        EducationTemplatesDialog editor(session(), m_prompter, &m_window);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QCOMPARE(editor.documentList()->currentRow(), 0);
        QVERIFY(editor.statusLabel()->text().contains(QLatin1String("Default text")));
        editor.textEdit()->setFocus();
        editor.textEdit()->selectAll();
        QTest::keyClicks(editor.textEdit(), QStringLiteral("Dear "));
        const int field = editor.fieldBox()->findData(QStringLiteral("patient_name"));
        QVERIFY(field > 0);
        editor.insertField(field);
        QTest::keyClicks(editor.textEdit(), QStringLiteral(", no retinol for a week please."));
        QVERIFY(editor.save());
        auto saved = EducationTemplateRepository(m_temp->database(), m_clock).find(1);
        QVERIFY(saved.ok());
        QCOMPARE(saved.value().version, 2);
        QVERIFY(!saved.value().defaultText);
        QVERIFY(!editor.statusLabel()->text().contains(QLatin1String("Default text")));

        HandoutPrinter printer(session(), m_prompter, &m_window);
        const QString pdf = m_temp->folder() + QStringLiteral("/edited.pdf");
        printer.setFileChooser([&](QWidget *, const QString &) { return pdf; });
        HandoutDialog dialog(printer, 1, m_prompter, &m_window);
        QVERIFY(dialog.load());
        dialog.savePdf();
        QTRY_VERIFY(QFile::exists(pdf));
        QVERIFY(pdfText(pdf).contains(QLatin1String("Dear Joanna Smith, no retinol for a week please.")));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT template_version FROM handout_log_template WHERE template_id = 1"))
                     .toInt(),
                 2);
    }
};

QTEST_MAIN(TestHandoutDialog)
#include "tst_ui_handoutdialog.moc"
