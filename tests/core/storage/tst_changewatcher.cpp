#include "TempDatabase.h"
#include "storage/ChangeWatcher.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

// Two desks on one clinic file: a commit by the other one is noticed within the polling interval,
// our own writes are not reported back to us.
class TestChangeWatcher : public QObject
{
    Q_OBJECT

private slots:
    void aCommitFromAnotherConnectionIsNoticed()
    {
        test::TempDatabase temp;
        QVERIFY(temp.isValid());
        auto other = temp.reopen();
        QVERIFY(other.ok());

        ChangeWatcher watcher(temp.database(), 50);
        QVERIFY(watcher.isActive());
        QSignalSpy spy(&watcher, &ChangeWatcher::changed);

        QSqlQuery query(other.value()->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Room from the other desk')")));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, 2000);

        // Nothing more happens while nobody writes.
        QVERIFY(!watcher.poll());
        QCOMPARE(spy.count(), 1);
    }

    void ownWritesAreNotReported()
    {
        test::TempDatabase temp;
        ChangeWatcher watcher(temp.database(), 1000);
        watcher.stop();
        QSignalSpy spy(&watcher, &ChangeWatcher::changed);
        QSqlQuery query(temp.database().connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Our own room')")));
        QVERIFY(!watcher.poll());
        QCOMPARE(spy.count(), 0);

        auto other = temp.reopen();
        QVERIFY(other.ok());
        QSqlQuery theirs(other.value()->connection());
        QVERIFY(theirs.exec(QStringLiteral("INSERT INTO room (name) VALUES ('Their room')")));
        QVERIFY(watcher.poll());
        QCOMPARE(spy.count(), 1);
    }

    void intervalCanBeChanged()
    {
        test::TempDatabase temp;
        ChangeWatcher watcher(temp.database());
        QCOMPARE(watcher.interval(), 1000);
        watcher.setInterval(250);
        QCOMPARE(watcher.interval(), 250);
        watcher.stop();
        QVERIFY(!watcher.isActive());
        watcher.start();
        QVERIFY(watcher.isActive());
    }
};

QTEST_GUILESS_MAIN(TestChangeWatcher)
#include "tst_changewatcher.moc"
