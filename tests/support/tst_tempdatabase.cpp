// TempDatabase on the engine of the run: a fresh, migrated clinic of its own, opened again by its path(), removed
// with the fixture.
#include "TempDatabase.h"
#include "TestServer.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::test;

class TestTempDatabase : public QObject
{
    Q_OBJECT

private slots:
    void aFixtureIsAnEmptyClinicOfTheRunsEngine()
    {
        TempDatabase temp;
        QVERIFY(temp.isValid());
        QCOMPARE(temp.database().schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(temp.database().engine().kind(), testEngine() == TestEngine::PostgreSql
                                                      ? StorageEngine::Kind::PostgreSql
                                                      : StorageEngine::Kind::Sqlite);
        QCOMPARE(temp.isOnServer(), testEngine() == TestEngine::PostgreSql);
        QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(), 0);
        QVERIFY(QFileInfo(temp.folder()).isDir());
    }

    void twoFixturesDoNotShareRows()
    {
        TempDatabase first;
        TempDatabase second;
        QVERIFY(first.isValid() && second.isValid());
        QVERIFY(first.path() != second.path());
        QVERIFY(first.seedMinimalClinic());
        QCOMPARE(first.scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(), 2);
        QCOMPARE(second.scalar(QStringLiteral("SELECT count(*) FROM patient")).toInt(), 0);
    }

    void theClinicOpensAgainByItsPath()
    {
        TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        auto again = Database::open(temp.path());
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message()));
        QVERIFY(!again.value()->wasCreated());
        temp.close();
        auto reopened = temp.reopen();
        QVERIFY(reopened.ok());
    }

    void newRowsContinueAfterTheSeededIds()
    {
        TempDatabase temp;
        QVERIFY(temp.seedMinimalClinic());
        QSqlQuery query(temp.database().connection());
        query.prepare(QStringLiteral("INSERT INTO room (name) VALUES (?)"));
        query.addBindValue(QStringLiteral("Room 2"));
        const auto id = temp.database().engine().insert(query, QStringLiteral("Adding a room"));
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message()));
        QCOMPARE(id.value(), 2);
    }

    void theClinicIsRemovedWithTheFixture()
    {
        QString path;
        QString folder;
        {
            TempDatabase temp;
            QVERIFY(temp.isValid());
            path = temp.path();
            folder = temp.folder();
        }
        QVERIFY(!QFileInfo::exists(folder));
        if (testEngine() == TestEngine::PostgreSql) {
            QVERIFY2(path.startsWith(QLatin1String("postgresql://")), qPrintable(path));
            const auto address = ServerAddress::parse(path);
            QVERIFY(address.ok());
            const auto exists = TestServer::databaseExists(address.value().database());
            QVERIFY(exists.ok());
            QVERIFY2(!exists.value(), qPrintable(address.value().database()));
        } else {
            QVERIFY(!QFileInfo::exists(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestTempDatabase)
#include "tst_tempdatabase.moc"
