#include "FileMode.h"
#include "TempDatabase.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace dermdesk;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Runs SQL on a file through the bare SQLite API, as another program would.
bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// Copies the schema scripts this program ships (001_initial.sql, ...) into `folder`.
bool copyShippedScripts(const QString &folder)
{
    const QStringList names = QDir(QStringLiteral(":/sql")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (!QFile::copy(QStringLiteral(":/sql/") + name, folder + QLatin1Char('/') + name))
            return false;
    }
    return !names.isEmpty();
}

// The path of the script that would come after the shipped ones: "<folder>/00N_<name>.sql".
QString nextScript(const QString &folder, const QString &name)
{
    return QStringLiteral("%1/%2_%3.sql").arg(folder).arg(Database::latestSchemaVersion() + 1, 3, 10, QLatin1Char('0')).arg(name);
}

QStringList tableNames(const Database &db)
{
    QStringList names;
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (query.next())
        names << query.value(0).toString();
    return names;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::useUsualUmask(); }

    void newFileIsCreatedAndMigratedFromEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.dermdesk"));
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message()));
        const Database &db = *opened.value();
        QVERIFY(db.wasCreated());
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QVERIFY(db.migrationBackupPath().isEmpty());

        const QStringList tables = tableNames(db);
        for (const char *table : {"clinic_settings", "opening_hours", "practitioner", "practitioner_hours", "room",
                                  "appointment_type", "patient", "appointment", "blockout", "treatment_plan",
                                  "treatment_session", "audit_log"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);

        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA synchronous")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2); // FULL
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA busy_timeout")) && query.next());
        QVERIFY(query.value(0).toInt() >= 1000);
        QVERIFY(query.exec(QStringLiteral("PRAGMA application_id")) && query.next());
        QCOMPARE(query.value(0).toInt(), Database::applicationId);
    }

    void reopeningKeepsDataAndDoesNotMigrateAgain()
    {
        test::TempDatabase temp;
        QVERIFY(temp.isValid());
        QVERIFY(temp.seedMinimalClinic());
        temp.close();
        auto again = temp.reopen();
        QVERIFY(again.ok());
        QVERIFY(!again.value()->wasCreated());
        QSqlQuery query(again.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT family_name FROM patient WHERE id = 2")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Müller"));
    }

    void inMemoryDatabaseWorks()
    {
        auto opened = Database::open(Database::memoryPath());
        QVERIFY(opened.ok());
        QVERIFY(opened.value()->isInMemory());
        QCOMPARE(opened.value()->schemaVersion(), Database::latestSchemaVersion());
    }

    void indexesForRangeQueriesExist()
    {
        test::TempDatabase temp;
        QSqlQuery query(temp.database().connection());
        QVERIFY(query.exec(QStringLiteral(
            "EXPLAIN QUERY PLAN SELECT id FROM appointment WHERE practitioner_id = 1 AND starts_at >= 0 AND starts_at < 86400")));
        QString plan;
        while (query.next())
            plan += query.value(3).toString();
        QVERIFY2(plan.contains(QLatin1String("appointment_practitioner_start")), qPrintable(plan));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                          "('appointment_start', 'appointment_patient_start')")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        test::TempDatabase temp;
        temp.close();
        QVERIFY(rawExec(temp.path(), "PRAGMA user_version = 999"));
        const QByteArray before = fileBytes(temp.path());
        auto opened = temp.reopen();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), QStringLiteral("storage.newer_schema"));
        QCOMPARE(opened.error().exitCode(), 5);
        QVERIFY2(opened.error().message().contains(QLatin1String("newer version of DermDesk")),
                 qPrintable(opened.error().message()));
        QCOMPARE(fileBytes(temp.path()), before);
    }

    void nonDatabaseFileIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        const QByteArray text = "Patient list, do not delete\nSmith, Joanna\n";
        QVERIFY(writeFile(path, text));
        auto opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), QStringLiteral("storage.foreign"));
        QCOMPARE(fileBytes(path), text);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void foreignSqliteDatabaseIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(rawExec(path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');"));
        const QByteArray before = fileBytes(path);
        auto opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), QStringLiteral("storage.foreign"));
        QCOMPARE(fileBytes(path), before);
    }

    void corruptFileIsRefusedAndLeftUntouched()
    {
        test::TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        temp.close();
        QByteArray bytes = fileBytes(temp.path());
        QVERIFY(bytes.size() > 4096);
        // Keep the 16-byte magic so the file still looks like SQLite, but wreck the rest of page 1.
        for (int i = 16; i < 100; ++i)
            bytes[i] = char(0xA5);
        QVERIFY(writeFile(temp.path(), bytes));
        auto opened = temp.reopen();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind(), ErrorKind::Storage);
        QCOMPARE(fileBytes(temp.path()), bytes);
    }

    void missingFolderIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/folder/clinic.dermdesk"));
        auto opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind(), ErrorKind::Storage);
        QVERIFY(opened.error().message().contains(QLatin1String("does not exist")));
        QVERIFY(!QFile::exists(path));
    }

    void readOnlyFileIsRefused()
    {
        test::TempDatabase temp;
        temp.close();
        QFile::setPermissions(temp.path(), QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        const QByteArray before = fileBytes(temp.path());
        auto opened = temp.reopen();
        QFile::setPermissions(temp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), QStringLiteral("storage.read_only"));
        QCOMPARE(fileBytes(temp.path()), before);
    }

    void exclusivelyLockedFileIsRefused()
    {
        test::TempDatabase temp;
        temp.close();
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(temp.path().toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                     "INSERT INTO room (name) VALUES ('held');",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        Database::Options options;
        options.busyTimeoutMs = 100;
        auto opened = Database::open(temp.path(), options);
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), QStringLiteral("storage.locked"));
    }

    void olderSchemaIsBackedUpThenMigrated()
    {
        QTemporaryDir scripts;
        QVERIFY(copyShippedScripts(scripts.path()));
        test::TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        temp.close();

        const int current = Database::latestSchemaVersion();
        QVERIFY(writeFile(nextScript(scripts.path(), QStringLiteral("room_notes")),
                          "-- a later migration\nALTER TABLE room ADD COLUMN notes TEXT NOT NULL DEFAULT '';\n"
                          "CREATE TRIGGER room_named BEFORE INSERT ON room WHEN NEW.name = '' BEGIN\n"
                          "  SELECT RAISE(ABORT, 'room_needs_name');\nEND;\n"));
        Database::Options options;
        options.migrationsFolder = scripts.path();
        auto opened = Database::open(temp.path(), options);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message()));
        QCOMPARE(opened.value()->schemaVersion(), current + 1);
        const QString backup = opened.value()->migrationBackupPath();
        QVERIFY(QFile::exists(backup));
        QCOMPARE(test::fileMode(backup), QStringLiteral("600"));

        // The copy holds the data as it was, still at the previous version.
        auto copy = Database::open(backup);
        QVERIFY(copy.ok());
        QCOMPARE(copy.value()->schemaVersion(), current);
        QSqlQuery query(copy.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM patient")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
    }

    void failedMigrationLeavesTheOldSchema()
    {
        QTemporaryDir scripts;
        QVERIFY(copyShippedScripts(scripts.path()));
        test::TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        temp.close();
        QVERIFY(writeFile(nextScript(scripts.path(), QStringLiteral("broken")),
                          "ALTER TABLE room ADD COLUMN floor INTEGER;\nTHIS IS NOT SQL;\n"));
        Database::Options options;
        options.migrationsFolder = scripts.path();
        auto opened = Database::open(temp.path(), options);
        QVERIFY(!opened.ok());

        auto plain = temp.reopen();
        QVERIFY(plain.ok());
        QCOMPARE(plain.value()->schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery query(plain.value()->connection());
        QVERIFY(!query.exec(QStringLiteral("SELECT floor FROM room")));
    }

    void aNewClinicFileItsWalAndShmAreTheOwnersAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.dermdesk"));
        auto opened = Database::open(path);
        QVERIFY(opened.ok());
        QSqlQuery query(opened.value()->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Room 1')")));
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        QCOMPARE(test::fileMode(path), QStringLiteral("600"));
        QCOMPARE(test::fileMode(path + QStringLiteral("-wal")), QStringLiteral("600"));
        QCOMPARE(test::fileMode(path + QStringLiteral("-shm")), QStringLiteral("600"));
    }

    void anEmptyFileBecomingAClinicIsTheOwnersAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("touched.dermdesk"));
        QVERIFY(writeFile(path, QByteArray()));
        QCOMPARE(test::fileMode(path), QStringLiteral("644"));
        auto opened = Database::open(path);
        QVERIFY(opened.ok());
        QVERIFY(opened.value()->wasCreated());
        QCOMPARE(test::fileMode(path), QStringLiteral("600"));
    }

    void anExistingClinicKeepsItsPermissions()
    {
        test::TempDatabase temp;
        temp.close();
        QVERIFY(test::makeReadableByOthers(temp.path()));
        auto opened = temp.reopen();
        QVERIFY(opened.ok());
        QCOMPARE(test::fileMode(temp.path()), QStringLiteral("644"));
    }

    void backupWritesAConsistentCopyAndNeverOverwrites()
    {
        test::TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        const QString target = temp.folder() + QStringLiteral("/copy.dermdesk");
        QVERIFY(temp.database().backupTo(target).ok());
        QCOMPARE(test::fileMode(target), QStringLiteral("600"));
        auto copy = Database::open(target);
        QVERIFY(copy.ok());
        Status again = temp.database().backupTo(target);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind(), ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
