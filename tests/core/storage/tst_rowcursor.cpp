#include "TempDatabase.h"
#include "storage/RowCursor.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

// RowCursor is the fast read under the schedule's week: it must read exactly what QSqlQuery reads.
class TestRowCursor : public QObject
{
    Q_OBJECT

private slots:
    void readsBoundRowsWithTextExactly()
    {
        test::TempDatabase temp;
        QSqlQuery insert(temp.database().connection());
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO room (id, name) VALUES (1, 'Room A'), (2, 'Zimmer Ü 診察室'), "
                                           "(3, 'Room C')")));
        RowCursor cursor(temp.database(), "SELECT id, name, NULL FROM room WHERE id >= ? AND id < ? ORDER BY id");
        cursor.bind(1, 2);
        cursor.bind(2, 4);
        QVERIFY(cursor.exec(QStringLiteral("Reading the rooms")).ok());
        QVERIFY(cursor.next());
        QCOMPARE(cursor.integer(0), 2);
        QCOMPARE(cursor.text(1), QStringLiteral("Zimmer Ü 診察室"));
        QVERIFY(cursor.text(2).isNull());
        QVERIFY(cursor.isNull(2));
        QVERIFY(!cursor.isNull(0));
        QCOMPARE(cursor.integer(2), 0);
        QVERIFY(cursor.next());
        QCOMPARE(cursor.integer(0), 3);
        QVERIFY(!cursor.next());
        QVERIFY(cursor.status().ok());
    }

    void aBadStatementNamesTheRead()
    {
        test::TempDatabase temp;
        RowCursor cursor(temp.database(), "SELECT no_such_column FROM room");
        const Status run = cursor.exec(QStringLiteral("Reading the rooms"));
        QVERIFY(!run.ok());
        QVERIFY2(run.error().message().contains(QStringLiteral("Reading the rooms")),
                 qPrintable(run.error().message()));
        QVERIFY(run.error().message().contains(QStringLiteral("no_such_column")));
        QVERIFY(!cursor.next());
    }
};

QTEST_GUILESS_MAIN(TestRowCursor)
#include "tst_rowcursor.moc"
