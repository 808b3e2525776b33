#include "EducationClinic.h"
#include "FakeClock.h"
#include "ScriptedPrompter.h"
#include "TestSession.h"
#include "common/AppIdentity.h"
#include "ui/handouts/HandoutPrinter.h"
#include "ui/patientfile/PatientExports.h"
#include "ui/widgets/SaveLocation.h"

#include <QFileDialog>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::ui;

// Save as PDF (and every export) proposes the person's Documents folder, then the folder they last saved in,
// remembered across sessions; never the folder the program was started from.
class TestSaveLocation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_elsewhere;
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
    QWidget m_window;
    QString m_proposedFolder;
    QString m_proposedName;

    // When the next file dialog opens, notes where it proposes to save and saves as `path`.
    void answerNextFileDialog(const QString &path)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [this, timer, path, noted = false]() mutable {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            const QFileInfo target(path);
            if (!noted) {
                m_proposedFolder = dialog->directory().absolutePath();
                const QStringList selected = dialog->selectedFiles();
                m_proposedName = selected.isEmpty() ? QString() : QFileInfo(selected.first()).fileName();
                noted = true;
                dialog->setDirectory(target.absolutePath());
            }
            // Typed into the name box as a person would; the dialog loads its folder in the background and may
            // then select the proposed name again, so the name is typed until the dialog holds it, and accepted
            // in the same tick.
            const QStringList selected = dialog->selectedFiles();
            if (selected.size() != 1 || QFileInfo(selected.first()).absoluteFilePath() != target.absoluteFilePath()) {
                if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                    name->setText(target.fileName());
                return;
            }
            timer->stop();
            timer->deleteLater();
            QMetaObject::invokeMethod(dialog, "accept");
        });
        timer->start();
    }

    [[nodiscard]] ComposedDocument document() const
    {
        ComposedDocument composed;
        composed.title = QStringLiteral("Day sheet Monday, 16 March 2026");
        composed.html = QStringLiteral("<h1>Day sheet</h1><p>No appointments on this day.</p>");
        return composed;
    }

private slots:
    void initTestCase()
    {
        setApplicationIdentity();
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_savelocation"));
        QVERIFY(m_home.isValid() && m_elsewhere.isValid());
        // A person whose home has no Documents folder yet, running the program from another folder.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QVERIFY(QDir::setCurrent(m_elsewhere.path()));
    }

    void init()
    {
        QSettings().clear();
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedEducationClinic(*m_temp));
    }

    void cleanup()
    {
        m_session.reset();
        m_temp.reset();
    }

    void saveAsPdfProposesDocumentsThenTheLastFolder()
    {
        const QString documents = QDir(m_home.path()).filePath(QStringLiteral("Documents"));
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), documents);
        const QString chosen = QDir(m_home.path()).filePath(QStringLiteral("Handouts"));
        QVERIFY(QDir().mkpath(chosen));

        {
            HandoutPrinter printer(session(), m_prompter, &m_window);
            answerNextFileDialog(QDir(chosen).filePath(QStringLiteral("sheet.pdf")));
            QVERIFY(printer.output(document(), HandoutPrinter::Output::Pdf));
        }
        QCOMPARE(m_proposedFolder, documents);
        QVERIFY(m_proposedFolder != QDir::currentPath());
        QCOMPARE(m_proposedName, QStringLiteral("Day sheet Monday 16 March 2026.pdf"));
        QVERIFY(QFile::exists(QDir(chosen).filePath(QStringLiteral("sheet.pdf"))));
        QVERIFY(m_prompter.errors.isEmpty());

        // The next save, in a later session, starts where this one saved.
        {
            HandoutPrinter printer(session(), m_prompter, &m_window);
            answerNextFileDialog(QDir(chosen).filePath(QStringLiteral("again.pdf")));
            QVERIFY(printer.output(document(), HandoutPrinter::Output::Pdf));
        }
        QCOMPARE(m_proposedFolder, chosen);
        QCOMPARE(SaveLocation::proposedFolder(), chosen);
    }

    void exportsProposeTheSameFolder()
    {
        PatientExports exports(session(), m_prompter, &m_window);
        const QString list = QDir(m_elsewhere.path()).filePath(QStringLiteral("list"));
        QVERIFY(QDir().mkpath(list));
        answerNextFileDialog(QDir(list).filePath(QStringLiteral("patients.csv")));
        QVERIFY(exports.saveList().has_value());
        QCOMPARE(m_proposedFolder, QDir(m_home.path()).filePath(QStringLiteral("Documents")));
        QCOMPARE(m_proposedName, QStringLiteral("patients.csv"));
        QCOMPARE(SaveLocation::proposedFolder(), list);
    }

    void aRememberedFolderThatIsGoneFallsBackToDocuments()
    {
        const QString gone = QDir(m_home.path()).filePath(QStringLiteral("gone"));
        QVERIFY(QDir().mkpath(gone));
        SaveLocation::remember(QDir(gone).filePath(QStringLiteral("x.pdf")));
        QCOMPARE(SaveLocation::proposedFolder(), gone);
        QVERIFY(QDir(gone).removeRecursively());
        QCOMPARE(SaveLocation::proposedFolder(), QDir(m_home.path()).filePath(QStringLiteral("Documents")));
    }
};

QTEST_MAIN(TestSaveLocation)
#include "tst_ui_savelocation.moc"
