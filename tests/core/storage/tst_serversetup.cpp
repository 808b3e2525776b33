#include "TestServer.h"
#include "storage/ClinicCopy.h"
#include "storage/Database.h"
#include "storage/StorageEngine.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <latch>
#include <thread>
#include <vector>

using namespace dermdesk;

// Several desks (and dermdesk-cli copy-clinic) opening one empty database on a clinic server at the same moment, on
// the test run's cluster: every one of them opens the clinic, its schema is set up once, and a copy into it keeps
// what it copied.
class TestServerSetUp : public QObject
{
    Q_OBJECT

private:
    // What one desk found when it opened the clinic.
    struct Opening
    {
        QString error;
        bool created = false;
        int version = -1;
    };

    static constexpr int desks = 4;
    QStringList m_databases;

    QString newEmptyDatabase()
    {
        const QString name = test::TestServer::uniqueDatabaseName();
        const Status created = test::TestServer::createDatabase(name);
        if (!created) {
            qWarning("%s", qPrintable(created.error().message()));
            return {};
        }
        m_databases.append(name);
        return test::TestServer::address().value().withDatabase(name).toUri();
    }

    static Opening openAsDesk(const QString &location)
    {
        Opening found;
        auto opened = Database::open(location);
        if (!opened) {
            found.error = opened.error().message();
            return found;
        }
        found.created = opened.value()->wasCreated();
        found.version = opened.value()->schemaVersion();
        return found;
    }

    // Runs every job on a thread of its own, all released at the same instant, and waits for them.
    static void atOnce(const std::vector<std::function<void()>> &jobs)
    {
        std::latch start(std::ptrdiff_t(jobs.size()));
        std::vector<std::thread> threads;
        for (const auto &job : jobs) {
            threads.emplace_back([&start, &job] {
                start.arrive_and_wait();
                job();
            });
        }
        for (std::thread &thread : threads)
            thread.join();
    }

    // Every table of the clinic at `location` with its row count, and its schema stamp's rows.
    static QMap<QString, qint64> rowsPerTable(const QString &location)
    {
        QMap<QString, qint64> rows;
        auto opened = Database::open(location);
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().message()));
            return rows;
        }
        const Database &database = *opened.value();
        const auto tables = database.engine().tables();
        if (!tables)
            return rows;
        QStringList counted = tables.value();
        counted.append(QStringLiteral("dermdesk_schema"));
        QSqlQuery query(database.connection());
        for (const QString &table : std::as_const(counted)) {
            if (query.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)) && query.next())
                rows.insert(table, query.value(0).toLongLong());
            else
                qWarning("%s: %s", qPrintable(table), qPrintable(query.lastError().text()));
        }
        return rows;
    }

    // A clinic file with a name, a practitioner, a room, a type and two patients.
    static QString smallClinicFile(const QTemporaryDir &folder)
    {
        const QString path = folder.filePath(QStringLiteral("small.dermdesk"));
        auto opened = Database::open(path);
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().message()));
            return {};
        }
        QSqlQuery query(opened.value()->connection());
        const QStringList statements = {
            QStringLiteral("INSERT INTO clinic_settings (id, name, time_zone, created_at) VALUES (1, 'Copied Clinic', "
                           "'America/New_York', 0)"),
            QStringLiteral("INSERT INTO practitioner (id, display_name, title) VALUES (7, 'Dr. Connie Hiers', 'MD')"),
            QStringLiteral("INSERT INTO room (id, name) VALUES (3, 'Room 3')"),
            QStringLiteral("INSERT INTO patient (id, given_name, family_name, birth_date, created_at, updated_at) "
                           "VALUES (11, 'Joanna', 'Smith', '1988-04-02', 0, 0)"),
            QStringLiteral("INSERT INTO patient (id, given_name, family_name, birth_date, created_at, updated_at) "
                           "VALUES (12, 'Jürgen', 'Müller', '1975-12-30', 0, 0)"),
        };
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                qWarning("%s", qPrintable(query.lastError().text()));
                return {};
            }
        }
        return path;
    }

private slots:
    void initTestCase()
    {
        const auto server = test::TestServer::address();
        QVERIFY2(server, qPrintable(server ? QString() : server.error().message()));
    }

    void cleanupTestCase()
    {
        for (const QString &name : std::as_const(m_databases))
            QVERIFY(test::TestServer::dropDatabase(name));
    }

    void desksOpeningOneEmptyDatabaseAtOnceAllOpenTheClinicSetUpOnce()
    {
        const QString alone = newEmptyDatabase();
        QVERIFY(!alone.isEmpty());
        QCOMPARE(openAsDesk(alone).error, QString());
        const QMap<QString, qint64> setUpOnce = rowsPerTable(alone);
        QCOMPARE(setUpOnce.value(QStringLiteral("dermdesk_schema")), 1);

        for (int round = 0; round < 3; ++round) {
            const QString location = newEmptyDatabase();
            QVERIFY(!location.isEmpty());
            std::vector<Opening> found(desks);
            std::vector<std::function<void()>> jobs;
            for (int desk = 0; desk < desks; ++desk)
                jobs.emplace_back([&found, desk, &location] { found[desk] = openAsDesk(location); });
            atOnce(jobs);

            int created = 0;
            for (const Opening &desk : found) {
                QVERIFY2(desk.error.isEmpty(), qPrintable(desk.error));
                QCOMPARE(desk.version, Database::latestSchemaVersion());
                created += desk.created ? 1 : 0;
            }
            // One desk set the clinic up; the others found it set up and opened it.
            QCOMPARE(created, 1);
            // The migrations' default rows are there once, as when one desk opens the database alone.
            QCOMPARE(rowsPerTable(location), setUpOnce);
        }
    }

    void aDeskOpeningTheDatabaseWhileACopyFillsItLeavesTheCopyWhole()
    {
        QTemporaryDir folder;
        const QString source = smallClinicFile(folder);
        QVERIFY(!source.isEmpty());
        for (int round = 0; round < 3; ++round) {
            const QString location = newEmptyDatabase();
            QVERIFY(!location.isEmpty());
            Opening desk;
            QString copyError;
            atOnce({
                [&desk, &location] { desk = openAsDesk(location); },
                [&copyError, &location, &source] {
                    auto from = Database::open(source);
                    auto to = Database::open(location);
                    if (!from || !to) {
                        copyError = !from ? from.error().message() : to.error().message();
                        return;
                    }
                    const auto copied = ClinicCopy(*from.value()).into(*to.value());
                    if (!copied)
                        copyError = copied.error().message();
                },
            });
            QVERIFY2(desk.error.isEmpty(), qPrintable(desk.error));
            QVERIFY2(copyError.isEmpty(), qPrintable(copyError));

            auto opened = Database::open(location);
            QVERIFY(opened);
            QSqlQuery query(opened.value()->connection());
            QVERIFY(query.exec(QStringLiteral("SELECT name FROM clinic_settings")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("Copied Clinic"));
            QVERIFY(query.exec(QStringLiteral("SELECT string_agg(family_name, ',' ORDER BY id) FROM patient"))
                    && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("Smith,Müller"));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerSetUp)
#include "tst_serversetup.moc"
