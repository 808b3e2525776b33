#include "TestServer.h"
#include "storage/ChangeSource.h"
#include "storage/Database.h"
#include "storage/PostgresEngine.h"
#include "storage/ServerAddress.h"
#include "storage/StorageEngine.h"
#include "storage/WriteScope.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

Q_DECLARE_METATYPE(dermdesk::WriteScope)

using namespace dermdesk;

// Desks writing at once on a clinic server (DERMDESK_TEST_SERVER): two desks booking for different people do not
// wait for each other; two that touch the same patient, practitioner or room, or one that changes the whole clinic,
// take turns (the second is refused as "locked" once its busy timeout has passed); and each desk's change stamp
// tells the other desk's commits apart from its own while both write at once.
class TestPostgresWriteScope : public QObject
{
    Q_OBJECT

private:
    ServerAddress m_server;
    QString m_scratch;

    // A desk on the scratch clinic that waits `busyTimeoutMs` for another desk's write.
    std::unique_ptr<Database> desk(int busyTimeoutMs = 5000)
    {
        Database::Options options;
        options.busyTimeoutMs = busyTimeoutMs;
        auto opened = Database::open(m_server.withDatabase(m_scratch).toUri(), options);
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().message()));
            return nullptr;
        }
        return std::move(opened).value();
    }

    static WriteScope booking(qint64 patient, qint64 practitioner, qint64 room)
    {
        WriteScope scope;
        scope.add(QStringLiteral("patient"), patient)
            .add(QStringLiteral("practitioner"), practitioner)
            .add(QStringLiteral("room"), room);
        return scope;
    }

    static bool write(const Database &database, const QString &room)
    {
        QSqlQuery query(database.connection());
        query.prepare(QStringLiteral("INSERT INTO room (name, sort_order) VALUES (?, 1)"));
        query.addBindValue(room);
        return query.exec();
    }

    static qint64 counter(const Database &database)
    {
        return static_cast<const PostgresEngine &>(database.engine()).changeCounter().value_or(-2);
    }

    static qint64 accounted(const Database &database)
    {
        return static_cast<const PostgresEngine &>(database.engine()).accountedCounter();
    }

private slots:
    void initTestCase()
    {
        auto address = test::TestServer::address();
        QVERIFY2(address, qPrintable(address ? QString() : address.error().message()));
        m_server = address.value();
        const auto migrated = test::TestServer::migratedTemplate();
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message()));
        m_scratch = test::TestServer::uniqueDatabaseName();
        const Status created = test::TestServer::createDatabase(m_scratch, migrated.value());
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message()));
    }

    void cleanupTestCase()
    {
        if (!m_scratch.isEmpty())
            QVERIFY(test::TestServer::dropDatabase(m_scratch));
    }

    void desksBookingForDifferentPeopleWriteAtOnce()
    {
        auto first = desk();
        auto second = desk(300);
        QVERIFY(first && second);
        QVERIFY(first->engine().beginWrite(booking(1, 1, 1)));
        QVERIFY(write(*first, QStringLiteral("First desk's room")));
        // The first desk holds its rows and has written: the second books elsewhere without waiting.
        const Status begun = second->engine().beginWrite(booking(2, 2, 2));
        QVERIFY2(begun, qPrintable(begun ? QString() : begun.error().message()));
        QVERIFY(write(*second, QStringLiteral("Second desk's room")));
        QVERIFY(second->engine().commit());
        QVERIFY(first->engine().commit());
        QSqlQuery rooms(first->connection());
        QVERIFY(rooms.exec(QStringLiteral("SELECT count(*) FROM room WHERE name LIKE '% desk''s room'")));
        QVERIFY(rooms.next());
        QCOMPARE(rooms.value(0).toInt(), 2);
    }

    void desksSharingARowTakeTurns_data()
    {
        QTest::addColumn<WriteScope>("held");
        QTest::addColumn<WriteScope>("wanted");
        QTest::newRow("the same practitioner") << booking(1, 1, 1) << booking(2, 1, 2);
        QTest::newRow("the same room") << booking(1, 1, 1) << booking(2, 2, 1);
        QTest::newRow("the same patient") << booking(1, 1, 1) << booking(1, 2, 2);
        QTest::newRow("a whole-clinic change waits for a booking") << booking(1, 1, 1) << WriteScope();
        QTest::newRow("a booking waits for a whole-clinic change") << WriteScope() << booking(2, 2, 2);
        QTest::newRow("two whole-clinic changes") << WriteScope() << WriteScope();
    }

    void desksSharingARowTakeTurns()
    {
        QFETCH(WriteScope, held);
        QFETCH(WriteScope, wanted);
        auto first = desk();
        auto second = desk(200);
        QVERIFY(first && second);
        QVERIFY(first->engine().beginWrite(held));
        const Status begun = second->engine().beginWrite(wanted);
        QVERIFY(!begun);
        QCOMPARE(begun.error().code(), QStringLiteral("storage.locked"));
        first->engine().rollback();
        // Once the first desk is done, the second gets its turn.
        QVERIFY(second->engine().beginWrite(wanted));
        second->engine().rollback();
    }

    // A booking's statements are planned once per connection; a change of the whole clinic (an import, a merge) is
    // planned for its values, and nothing of the booking's choice outlives its transaction.
    void onlyABookingKeepsItsPlans()
    {
        auto clinic = desk();
        QVERIFY(clinic);
        const auto mode = [&clinic] {
            QSqlQuery query(clinic->connection());
            return query.exec(QStringLiteral("SELECT current_setting('plan_cache_mode')")) && query.next()
                       ? query.value(0).toString()
                       : QStringLiteral("unreadable");
        };
        QVERIFY(clinic->engine().beginWrite(booking(1, 1, 1)));
        QCOMPARE(mode(), QStringLiteral("force_generic_plan"));
        QVERIFY(clinic->engine().commit());
        QCOMPARE(mode(), QStringLiteral("auto"));
        QVERIFY(clinic->engine().beginWrite(WriteScope()));
        QCOMPARE(mode(), QStringLiteral("auto"));
        clinic->engine().rollback();
    }

    // A statement that failed spoils the server's transaction: committing it afterwards is refused, never reported
    // as saved, and the connection goes on.
    void aSpoiltChangeIsNeverTakenAsSaved()
    {
        auto clinic = desk();
        QVERIFY(clinic);
        QVERIFY(clinic->engine().beginWrite(booking(1, 1, 1)));
        QVERIFY(write(*clinic, QStringLiteral("Spoilt")));
        QSqlQuery failing(clinic->connection());
        QVERIFY(!failing.exec(QStringLiteral("SELECT no_such_column FROM room")));
        QVERIFY(!clinic->engine().commit());
        QSqlQuery query(clinic->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM room WHERE name = 'Spoilt'")) && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(clinic->engine().beginWrite(booking(1, 1, 1)));
        QVERIFY(write(*clinic, QStringLiteral("Sound")));
        QVERIFY(clinic->engine().commit());
    }

    void eachDeskTellsTheOtherDesksCommitsFromItsOwn()
    {
        auto first = desk();
        auto second = desk();
        QVERIFY(first && second);
        // Change sources start each desk's account of the changes it knows.
        const auto firstWatch = first->engine().watchChanges(60000);
        const auto secondWatch = second->engine().watchChanges(60000);
        QCOMPARE(accounted(*first), counter(*first));
        QCOMPARE(accounted(*second), counter(*second));

        // Alone, a desk's own commit is no news to it.
        QVERIFY(first->engine().beginWrite(booking(1, 1, 1)));
        QVERIFY(write(*first, QStringLiteral("Alone")));
        QVERIFY(first->engine().commit());
        QCOMPARE(accounted(*first), counter(*first));
        QVERIFY(accounted(*second) < counter(*second));
        static_cast<const PostgresEngine &>(second->engine()).setAccountedCounter(counter(*second));

        // Both write at once; the second commits in the middle of the first's transaction.
        QVERIFY(first->engine().beginWrite(booking(1, 1, 1)));
        QVERIFY(write(*first, QStringLiteral("First, at once")));
        QVERIFY(second->engine().beginWrite(booking(2, 2, 2)));
        QVERIFY(write(*second, QStringLiteral("Second, at once")));
        QVERIFY(write(*second, QStringLiteral("Second, again")));
        QVERIFY(second->engine().commit());
        QVERIFY(first->engine().commit());
        // Each desk still has the other's commit to report, and only that: one step per transaction that wrote,
        // however many rows.
        QCOMPARE(counter(*first) - accounted(*first), qint64(1));
        QCOMPARE(counter(*second) - accounted(*second), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestPostgresWriteScope)
#include "tst_postgreswritescope.moc"
