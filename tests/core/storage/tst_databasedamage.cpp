#include "DamagedFile.h"
#include "TempDatabase.h"
#include "storage/Database.h"
#include "storage/DatabaseFile.h"
#include "storage/IntegrityCheck.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <sys/stat.h>

using namespace dermdesk;
using namespace dermdesk::test;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// A damaged clinic database is noticed before anything is written to it, special files are refused
// before they are read, and a database opened for reading is left byte for byte as it was.
class TestDatabaseDamage : public QObject
{
    Q_OBJECT

private:
    // A closed clinic of 600 patients (several leaf pages) with one bit flipped in a patient page.
    static bool makeDamagedClinic(TempDatabase &clinic)
    {
        if (!clinic.isValid() || !clinic.seedMinimalClinic())
            return false;
        if (!addNumberedPatients(clinic.database(), 100, 700))
            return false;
        clinic.close();
        return flipBitInTablePage(clinic.path(), "patient") > 0;
    }

    static qint64 patientCount(const Database &database)
    {
        QSqlQuery query(database.connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM patient")) && query.next() ? query.value(0).toLongLong()
                                                                                          : -1;
    }

private slots:
    void aDamagedFileIsRefusedAndLeftUntouched()
    {
        TempDatabase clinic;
        QVERIFY(makeDamagedClinic(clinic));
        const QByteArray before = fileBytes(clinic.path());

        const auto opened = Database::open(clinic.path());
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind(), ErrorKind::Storage);
        QCOMPARE(opened.error().code(), QStringLiteral("storage.corrupt"));
        QVERIFY2(opened.error().message().contains(QLatin1String("is damaged")), qPrintable(opened.error().message()));
        QCOMPARE(fileBytes(clinic.path()), before);
    }

    void aDamagedFileOpenedAnywayRefusesEveryWrite()
    {
        TempDatabase clinic;
        QVERIFY(makeDamagedClinic(clinic));
        const QByteArray before = fileBytes(clinic.path());
        Database::Options options;
        options.openDamaged = true;
        auto opened = Database::open(clinic.path(), options);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        const Database &database = *opened.value();
        QCOMPARE(database.health(), Database::Health::Damaged);

        Transaction transaction(database);
        const Status begun = transaction.begin();
        QVERIFY(!begun);
        QCOMPARE(begun.error().code(), QStringLiteral("storage.corrupt"));
        QCOMPARE(begun.error().message(), database.damage().message());
        // A write that does not go through a Transaction is refused by SQLite itself.
        QSqlQuery query(database.connection());
        QVERIFY(!query.exec(QStringLiteral("UPDATE practitioner SET display_name = 'X'")));
        QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("8")); // SQLITE_READONLY
        opened = Error();
        QCOMPARE(fileBytes(clinic.path()), before);
    }

    void theMessageNamesTheNewestBackupBesideTheFile()
    {
        TempDatabase clinic;
        QVERIFY(clinic.isValid());
        const QString older = clinic.path() + QStringLiteral(".v7-20260101-090000.bak");
        const QString newer = clinic.path() + QStringLiteral(".v8-20260301-090000.bak");
        QVERIFY(clinic.database().backupTo(older));
        QVERIFY(clinic.database().backupTo(newer));
        // Not a DermDesk database, however new: never offered as the backup to restore.
        QFile foreign(QDir(clinic.folder()).filePath(QStringLiteral("notes.bak")));
        QVERIFY(foreign.open(QIODevice::WriteOnly) && foreign.write("not a clinic") > 0);
        foreign.close();
        QFile(older).setFileTime(QDateTime::currentDateTime().addDays(-30), QFileDevice::FileModificationTime);
        QVERIFY(makeDamagedClinic(clinic));

        QCOMPARE(DatabaseFile::newestBackup(clinic.path()), newer);
        const auto opened = Database::open(clinic.path());
        QVERIFY(!opened);
        QVERIFY2(opened.error().message().contains(QDir::toNativeSeparators(newer)),
                 qPrintable(opened.error().message()));
    }

    void aBackgroundCheckHoldsWritesAndThenRefusesThem()
    {
        TempDatabase clinic;
        QVERIFY(makeDamagedClinic(clinic));
        Database::Options options;
        options.openDamaged = true;
        options.verification = Database::Options::Verification::InBackground;
        options.backgroundCheckAboveBytes = 0;
        auto opened = Database::open(clinic.path(), options);
        QVERIFY(opened);
        const Database &database = *opened.value();
        QVERIFY(database.integrityCheck() != nullptr);
        QSignalSpy finished(database.integrityCheck(), &IntegrityCheck::finished);
        Transaction transaction(database);
        const Status begun = transaction.begin();
        QVERIFY(!begun);
        QCOMPARE(begun.error().code(), QStringLiteral("storage.corrupt"));
        QCOMPARE(database.health(), Database::Health::Damaged);
        QTRY_COMPARE(finished.count(), 1);
    }

    void aSoundFileCheckedInTheBackgroundTakesWrites()
    {
        TempDatabase clinic;
        QVERIFY(clinic.isValid() && clinic.seedMinimalClinic());
        clinic.close();
        Database::Options options;
        options.verification = Database::Options::Verification::InBackground;
        options.backgroundCheckAboveBytes = 0;
        auto opened = Database::open(clinic.path(), options);
        QVERIFY(opened);
        Transaction transaction(*opened.value());
        QVERIFY2(transaction.begin(), "a sound file takes writes once checked");
        QVERIFY(transaction.commit());
        QCOMPARE(opened.value()->health(), Database::Health::Sound);
    }

    void readingOnlyLeavesAJournalModeFileByteForByte()
    {
        TempDatabase clinic;
        QVERIFY(clinic.isValid() && clinic.seedMinimalClinic());
        const QString copy = QDir(clinic.folder()).filePath(QStringLiteral("copy.dermdesk"));
        QVERIFY(clinic.database().backupTo(copy));
        const QByteArray before = fileBytes(copy);
        QCOMPARE(before.at(18), char(1)); // VACUUM INTO writes a rollback-journal file

        Database::Options options;
        options.readOnly = true;
        options.createIfMissing = false;
        auto opened = Database::open(copy, options);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        QCOMPARE(patientCount(*opened.value()), 2);
        Transaction transaction(*opened.value());
        QCOMPARE(transaction.begin().error().code(), QStringLiteral("storage.read_only"));
        opened = Error();

        QCOMPARE(fileBytes(copy), before);
        QVERIFY(!QFileInfo::exists(copy + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(copy + QStringLiteral("-shm")));
        QVERIFY(!QFileInfo::exists(copy + QStringLiteral("-journal")));
    }

    void aReadOnlyFileCanBeOpenedForReading()
    {
        TempDatabase clinic;
        QVERIFY(clinic.isValid() && clinic.seedMinimalClinic());
        const QString copy = QDir(clinic.folder()).filePath(QStringLiteral("copy.dermdesk"));
        QVERIFY(clinic.database().backupTo(copy));
        QVERIFY(QFile::setPermissions(copy, QFileDevice::ReadOwner));
        Database::Options options;
        options.readOnly = true;
        const auto opened = Database::open(copy, options);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        QCOMPARE(patientCount(*opened.value()), 2);
    }

    void specialFilesAndFoldersAreRefusedBeforeAnythingIsRead_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("folder") << QDir::tempPath();
        QTest::newRow("/dev/null") << QStringLiteral("/dev/null");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
        QTest::newRow("fifo") << QStringLiteral("fifo");
    }

    void specialFilesAndFoldersAreRefusedBeforeAnythingIsRead()
    {
        QFETCH(QString, path);
        QTemporaryDir dir;
        if (path == QLatin1String("fifo")) {
            path = dir.filePath(QStringLiteral("clinic.fifo"));
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        }
        for (const bool readOnly : {false, true}) {
            Database::Options options;
            options.readOnly = readOnly;
            const auto opened = Database::open(path, options);
            QVERIFY(!opened);
            QCOMPARE(opened.error().kind(), ErrorKind::Storage);
            QCOMPARE(opened.error().code(), QStringLiteral("storage.not_a_file"));
            QVERIFY(opened.error().message().contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
        }
    }

    void aPathInAMissingFolderIsAStorageError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-such-folder/clinic.dermdesk"));
        const auto opened = Database::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind(), ErrorKind::Storage);
        QCOMPARE(opened.error().code(), QStringLiteral("storage.no_folder"));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no-such-folder"))));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseDamage)
#include "tst_databasedamage.moc"
