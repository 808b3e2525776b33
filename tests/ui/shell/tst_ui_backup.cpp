#include "DeskWindow.h"
#include "FileMode.h"
#include "FrontDeskFixture.h"
#include "storage/BackgroundBackup.h"
#include "storage/ClinicCopy.h"
#include "storage/Database.h"
#include "ui/shell/MainWindow.h"

#include <QFileInfo>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

using namespace dermdesk;
using ui::MainWindow;

// File ▸ Back Up… of the open clinic, a file or a clinic server: the backup is written on a worker thread while the
// window goes on answering, a progress dialog shows it, the file opens as the same clinic, and Cancel leaves no file.
class TestUiBackup : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;

    QProgressDialog *backupDialog() const
    {
        return m_window->findChild<QProgressDialog *>(QStringLiteral("backupDialog"));
    }
    QString backupFile() const { return m_fixture.temp->folder() + QStringLiteral("/backup.dermdesk"); }

    // Every table of the clinic but its text indexes (rebuilt, not copied), with its rows' checksum.
    static QMap<QString, QString> tableChecksums(const Database &database, const QStringList &tables)
    {
        QMap<QString, QString> sums;
        for (const QString &table : tables) {
            const auto columns = database.engine().columns(table);
            const auto sum = ClinicCopy::checksum(database.engine(), database.connection(), table, columns.value());
            sums.insert(table, sum ? QStringLiteral("%1 rows %2").arg(sum.value().first).arg(sum.value().second)
                                   : sum.error().message());
        }
        return sums;
    }

    static QStringList copiedTables(const Database &database)
    {
        QStringList copied;
        const auto tables = database.engine().tables();
        for (const QString &table : tables.value()) {
            if (database.engine().columns(table + QStringLiteral("_source")).value().isEmpty())
                copied.append(table);
        }
        return copied;
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_backup"); }

    void init()
    {
        QVERIFY(m_fixture.init());
        m_window = test::openDeskWindow(m_fixture);
        QVERIFY(m_window);
    }

    void cleanup()
    {
        m_window.reset();
        m_fixture.close();
    }

    void theBackupIsWrittenBehindAProgressDialogAndOpensAsTheSameClinic()
    {
        m_fixture.prompter.fileAnswers = {backupFile()};
        m_window->backUp();
        // The window is back at once; the dialog over it says where the backup goes.
        QProgressDialog *dialog = backupDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->labelText().contains(QStringLiteral("backup.dermdesk")));
        auto *backup = dialog->findChild<BackgroundBackup *>();
        QVERIFY(backup);
        QSignalSpy progress(backup, &BackgroundBackup::progressed);
        QStringList shown;
        connect(backup, &BackgroundBackup::progressed, dialog, [&shown, dialog] { shown.append(dialog->labelText()); });

        QTRY_VERIFY(!backupDialog());
        QVERIFY2(m_fixture.prompter.errors.isEmpty(), qPrintable(m_fixture.prompter.errors.value(0).message()));
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Backed up to %1").arg(QDir::toNativeSeparators(backupFile())));
        QCOMPARE(test::fileMode(backupFile()), QStringLiteral("600"));
        // A server clinic's copy went table by table, the appointments among them; a file is copied in one piece.
        if (m_fixture.temp->isOnServer()) {
            QStringList tables;
            for (const QList<QVariant> &signal : std::as_const(progress))
                tables.append(signal.at(0).toString());
            QVERIFY2(tables.contains(QStringLiteral("appointment")), qPrintable(tables.join(QLatin1Char(' '))));
            // The dialog said which table it was copying, in words, and how far it had got.
            const qint64 appointments = m_fixture.count(QStringLiteral("SELECT count(*) FROM appointment"));
            QVERIFY2(shown.contains(QStringLiteral("Copying appointment: %1 of %1 rows").arg(appointments)),
                     qPrintable(shown.join(QLatin1Char('\n'))));
            QVERIFY2(!shown.filter(QStringLiteral("Copying appointment status change: ")).isEmpty(),
                     qPrintable(shown.join(QLatin1Char('\n'))));
        }

        auto copy = Database::open(backupFile());
        QVERIFY2(copy, qPrintable(copy ? QString() : copy.error().message()));
        const QStringList tables = copiedTables(m_fixture.database());
        QVERIFY(tables.contains(QStringLiteral("appointment")));
        QCOMPARE(tableChecksums(*copy.value(), tables), tableChecksums(m_fixture.database(), tables));
    }

    void cancelLeavesNoFile()
    {
        m_fixture.prompter.fileAnswers = {backupFile()};
        m_window->backUp();
        QProgressDialog *dialog = backupDialog();
        QVERIFY(dialog);
        auto *cancel = dialog->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);

        QTRY_VERIFY(!backupDialog());
        QVERIFY(m_fixture.prompter.errors.isEmpty());
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Backup cancelled; no file was written."));
        QVERIFY(!QFileInfo::exists(backupFile()));
        QVERIFY(!QFileInfo::exists(backupFile() + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(backupFile() + QStringLiteral("-journal")));
    }

    void aFileThatExistsIsNamedAndLeftAlone()
    {
        QFile existing(backupFile());
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();
        m_fixture.prompter.fileAnswers = {backupFile()};
        m_window->backUp();
        QTRY_VERIFY(!backupDialog());
        QCOMPARE(m_fixture.prompter.errors.size(), 1);
        QVERIFY(m_fixture.prompter.errors.first().message().contains(QStringLiteral("already exists")));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("keep me"));
    }
};

QTEST_MAIN(TestUiBackup)
#include "tst_ui_backup.moc"
