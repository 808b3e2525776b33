// The test run's PostgreSQL cluster as the tests reach it: its address from DERMDESK_TEST_SERVER, and databases
// created, copied and dropped on it (what TempDatabase does for every PostgreSQL run of a test).
#include "TestServer.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::test;

namespace {

// A QPSQL connection to `database` on the cluster, removed with the object.
class Connection
{
public:
    explicit Connection(const QString &database)
        : m_name(QStringLiteral("tst_testserver_%1").arg(database))
    {
        const ServerAddress server = TestServer::address().value();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(server.host());
        db.setPort(server.port());
        db.setUserName(server.user());
        db.setDatabaseName(database);
        if (!db.open())
            qWarning("Connection: %s", qPrintable(db.lastError().text()));
    }
    ~Connection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    [[nodiscard]] bool isOpen() const { return QSqlDatabase::database(m_name, false).isOpen(); }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (query.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (query.exec(sql) && query.next())
            return query.value(0);
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }

private:
    QString m_name;
};

bool exists(const QString &database)
{
    const auto found = TestServer::databaseExists(database);
    if (!found)
        qWarning("%s", qPrintable(found.error().message()));
    return found && found.value();
}

} // namespace

class TestTestServer : public QObject
{
    Q_OBJECT

private slots:
    void theRunIsOnPostgresql() { QCOMPARE(testEngine(), TestEngine::PostgreSql); }

    void theAddressIsTheClustersSocketAndSuperuser()
    {
        const auto server = TestServer::address();
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message()));
        QVERIFY2(server.value().host().startsWith(QLatin1Char('/')), qPrintable(server.value().host()));
        QVERIFY(QFileInfo(server.value().host()).isDir());
        QVERIFY(server.value().port() > 0);
        QCOMPARE(server.value().database(), QStringLiteral("postgres"));

        Connection maintenance(server.value().database());
        QVERIFY(maintenance.isOpen());
        QCOMPARE(maintenance.scalar(QStringLiteral("SELECT current_setting('server_version_num')::int / 10000"))
                     .toInt(),
                 15);
        QVERIFY(
            maintenance.scalar(QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).toBool());
        QCOMPARE(maintenance.scalar(QStringLiteral("SELECT current_setting('listen_addresses')")).toString(),
                 QString());
        QCOMPARE(maintenance
                     .scalar(QStringLiteral("SELECT pg_encoding_to_char(encoding) FROM pg_database "
                                            "WHERE datname = current_database()"))
                     .toString(),
                 QStringLiteral("UTF8"));
    }

    void theExtensionsTheSchemaNeedsAreAvailable()
    {
        Connection maintenance(TestServer::address().value().database());
        for (const char *extension : {"btree_gist", "unaccent", "pg_trgm"}) {
            QVERIFY2(maintenance
                             .scalar(QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = '%1'")
                                         .arg(QLatin1String(extension)))
                             .toInt()
                         == 1,
                     extension);
        }
    }

    void databaseNamesAreUniqueToTheProcessAndTheCall()
    {
        const QString first = TestServer::uniqueDatabaseName();
        const QString second = TestServer::uniqueDatabaseName();
        QVERIFY(first != second);
        QVERIFY(first.contains(QString::number(QCoreApplication::applicationPid())));
    }

    void aCreatedDatabaseIsEmptyAndDroppedAgain()
    {
        const QString name = TestServer::uniqueDatabaseName();
        QVERIFY(!exists(name));
        const Status created = TestServer::createDatabase(name);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
        QVERIFY(exists(name));
        {
            Connection connection(name);
            QVERIFY(connection.isOpen());
            QCOMPARE(connection.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                         .toInt(),
                     0);
        }
        QVERIFY(TestServer::dropDatabase(name).ok());
        QVERIFY(!exists(name));
        // Dropping what is gone is no error (a fixture's destructor after a failed test).
        QVERIFY(TestServer::dropDatabase(name).ok());
    }

    void aDatabaseIsDroppedWhileSomeoneIsStillConnected()
    {
        const QString name = TestServer::uniqueDatabaseName();
        QVERIFY(TestServer::createDatabase(name).ok());
        Connection stillOpen(name);
        QVERIFY(stillOpen.isOpen());
        const Status dropped = TestServer::dropDatabase(name);
        QVERIFY2(dropped.ok(), qPrintable(dropped.ok() ? QString() : dropped.error().message()));
        QVERIFY(!exists(name));
    }

    void aCopyOfATemplateHoldsItsTablesAndRows()
    {
        const QString templateName = TestServer::uniqueDatabaseName();
        QVERIFY(TestServer::createDatabase(templateName).ok());
        {
            Connection original(templateName);
            QVERIFY(original.exec(QStringLiteral("CREATE EXTENSION btree_gist")));
            QVERIFY(original.exec(QStringLiteral("CREATE TABLE room (id bigint PRIMARY KEY, name text NOT NULL)")));
            QVERIFY(original.exec(QStringLiteral("INSERT INTO room VALUES (1, 'Room 1'), (2, 'Room 2')")));
        }
        const QString copy = TestServer::uniqueDatabaseName();
        const Status created = TestServer::createDatabase(copy, templateName);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
        {
            Connection copied(copy);
            QCOMPARE(copied.scalar(QStringLiteral("SELECT string_agg(name, ',' ORDER BY id) FROM room")).toString(),
                     QStringLiteral("Room 1,Room 2"));
            QCOMPARE(copied.scalar(QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'"))
                         .toInt(),
                     1);
            QVERIFY(copied.exec(QStringLiteral("INSERT INTO room VALUES (3, 'Room 3')")));
        }
        {
            Connection original(templateName);
            QCOMPARE(original.scalar(QStringLiteral("SELECT count(*) FROM room")).toInt(), 2);
        }
        QVERIFY(TestServer::dropDatabase(copy).ok());
        QVERIFY(TestServer::dropDatabase(templateName).ok());
    }

    void aMissingAddressSaysWhereItComesFrom()
    {
        const QByteArray saved = qgetenv("DERMDESK_TEST_SERVER");
        qunsetenv("DERMDESK_TEST_SERVER");
        const auto server = TestServer::address();
        const Status created = TestServer::createDatabase(TestServer::uniqueDatabaseName());
        qputenv("DERMDESK_TEST_SERVER", saved);
        QVERIFY(!server.ok());
        QVERIFY2(server.error().message().contains(QLatin1String("DERMDESK_TEST_SERVER")),
                 qPrintable(server.error().message()));
        QVERIFY(!created.ok());
    }
};

QTEST_GUILESS_MAIN(TestTestServer)
#include "tst_testserver.moc"
