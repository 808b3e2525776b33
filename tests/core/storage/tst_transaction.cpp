#include "TempDatabase.h"
#include "storage/SqlError.h"
#include "storage/Transaction.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

class TestTransaction : public QObject
{
    Q_OBJECT

private slots:
    void committedChangesLand()
    {
        test::TempDatabase temp;
        {
            Transaction tx(temp.database());
            QVERIFY(tx.begin().ok());
            QSqlQuery query(temp.database().connection());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Room A')")));
            QVERIFY(tx.commit().ok());
            QVERIFY(!tx.isActive());
        }
        QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM room")).toInt(), 1);
    }

    void uncommittedChangesRollBackWhenTheGuardEnds()
    {
        test::TempDatabase temp;
        {
            Transaction tx(temp.database());
            QVERIFY(tx.begin().ok());
            QSqlQuery query(temp.database().connection());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Room A')")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Room B')")));
            // Second half of the operation fails: the guard goes out of scope without commit().
            QVERIFY(!query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Room A')")));
        }
        QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM room")).toInt(), 0);
    }

    void beginImmediateTakesTheWriteLock()
    {
        test::TempDatabase temp;
        Database::Options options;
        options.busyTimeoutMs = 50;
        auto second = Database::open(temp.path(), options);
        QVERIFY(second.ok());

        Transaction first(temp.database());
        QVERIFY(first.begin().ok());
        Transaction other(*second.value());
        Status blocked = other.begin();
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().code(), QStringLiteral("storage.locked"));
        first.rollback();
        QVERIFY(other.begin().ok());
    }

    void auditLogIsAppendOnly()
    {
        test::TempDatabase temp;
        QSqlQuery query(temp.database().connection());
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO audit_log (at, actor, action, entity) VALUES (1, 'desk', 'create', 'patient')")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET actor = 'someone else'")));
        QCOMPARE(sqlError(query.lastError(), QStringLiteral("x")).code(), QStringLiteral("rule.audit.append_only"));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
        QCOMPARE(temp.scalar(QStringLiteral("SELECT actor FROM audit_log")).toString(), QStringLiteral("desk"));
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
