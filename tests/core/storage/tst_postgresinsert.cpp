#include "storage/Database.h"
#include "storage/ServerAddress.h"
#include "storage/StorageEngine.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

// New rows on a clinic server (StorageEngine::insert on PostgreSQL), on the server DERMDESK_TEST_SERVER names: a
// statement prepared once and run for row after row, as an import saves its patients, stores each row with its own
// values and hands out each row's own id.
class TestPostgresInsert : public QObject
{
    Q_OBJECT

private:
    ServerAddress m_server;
    QString m_scratch;

    bool admin(const QString &statement)
    {
        bool done = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
            db.setHostName(m_server.host());
            if (m_server.port() > 0)
                db.setPort(m_server.port());
            db.setDatabaseName(m_server.database());
            db.setUserName(m_server.user());
            db.setPassword(m_server.password());
            db.setConnectOptions(m_server.driverOptions());
            QSqlQuery query(db);
            done = db.open() && query.exec(statement);
            if (!done)
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return done;
    }

private slots:
    void initTestCase()
    {
        const QString server = qEnvironmentVariable("DERMDESK_TEST_SERVER");
        if (server.isEmpty())
            return;
        auto address = ServerAddress::parse(server);
        QVERIFY2(address, qPrintable(address ? QString() : address.error().message()));
        m_server = address.value();
        m_scratch = QStringLiteral("dermdesk_insert_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(admin(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_scratch)));
        QVERIFY(admin(QStringLiteral("CREATE DATABASE %1").arg(m_scratch)));
    }

    void cleanupTestCase()
    {
        if (!m_scratch.isEmpty())
            admin(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_scratch));
    }

    void oneStatementRunForRowAfterRowStoresEachRowWithItsOwnId()
    {
        if (m_scratch.isEmpty())
            QFAIL("DERMDESK_TEST_SERVER is not set: no PostgreSQL server to insert on (packaging/dev.sh test starts "
                  "one)");
        auto opened = Database::open(m_server.withDatabase(m_scratch).toUri());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        const Database &database = *opened.value();
        QSqlQuery insert(database.connection());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO room (name, sort_order) VALUES (?, ?)")));
        const QStringList rooms{QStringLiteral("Room A"), QStringLiteral("Room B"), QStringLiteral("Room C")};
        QList<qint64> ids;
        for (qsizetype i = 0; i < rooms.size(); ++i) {
            insert.addBindValue(rooms.at(i));
            insert.addBindValue(int(i) + 1);
            const Result<qint64> id = database.engine().insert(insert, QStringLiteral("Saving the room"));
            QVERIFY2(id, qPrintable(id ? QString() : id.error().message()));
            ids.append(id.value());
        }
        QSqlQuery stored(database.connection());
        QVERIFY(stored.exec(QStringLiteral("SELECT id, name, sort_order FROM room ORDER BY sort_order")));
        QList<qint64> storedIds;
        QStringList storedNames;
        while (stored.next()) {
            storedIds.append(stored.value(0).toLongLong());
            storedNames.append(stored.value(1).toString());
        }
        QCOMPARE(storedNames, rooms);
        QCOMPARE(storedIds, ids);
    }
};

QTEST_GUILESS_MAIN(TestPostgresInsert)
#include "tst_postgresinsert.moc"
