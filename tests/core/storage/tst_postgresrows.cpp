#include "TempDatabase.h"
#include "storage/Database.h"
#include "storage/StorageEngine.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <limits>

using namespace dermdesk;

// Rows a copy sends to a clinic server in bulk (StorageEngine::insertRows, whole rows as one value): every value
// arrives as it was, on the test run's cluster.
class TestPostgresRows : public QObject
{
    Q_OBJECT

private slots:
    void everyValueArrivesAsItWas()
    {
        test::TempDatabase clinic;
        QVERIFY(clinic.isValid());
        QVERIFY2(clinic.isOnServer(), "runs on the test run's PostgreSQL cluster only (DERMDESK_TEST_ENGINE)");
        const Database &database = clinic.database();
        QVERIFY(database.engine().bulkRows() > 0);
        QSqlQuery query(database.connection());
        QVERIFY2(query.exec(QStringLiteral("CREATE TABLE bulk_probe (id bigint PRIMARY KEY, flag integer, "
                                           "amount double precision, label text, data bytea)")),
                 qPrintable(query.lastError().text()));

        const QStringList columns{QStringLiteral("id"), QStringLiteral("flag"), QStringLiteral("amount"),
                                  QStringLiteral("label"), QStringLiteral("data")};
        const QList<QVariantList> rows{
            {qint64(1), 1, 0.1, QStringLiteral("Jürgen \"Jo\" Müller"), QByteArray("\x00\x01\xff", 3)},
            {std::numeric_limits<qint64>::max(), 0, 1e-300, QStringLiteral("back\\slash\ttab\nline\r\x01"),
             QByteArray()},
            {qint64(-3), QVariant(), -123456789.125, QStringLiteral("{\"json\": [1, 2]} 😀 '; DROP TABLE x; --"),
             QVariant()},
            {qint64(4), true, 2.0 / 3.0, QString(), QByteArray("plain")},
            {qint64(5), false, QVariant(), QStringLiteral(""), QVariant()},
        };
        QVariantList values;
        for (const QVariantList &row : rows)
            values += row;
        QVERIFY2(database.engine().insertRows(QStringLiteral("bulk_probe"), columns, values), "the rows were refused");

        QVERIFY(query.exec(QStringLiteral("SELECT id, flag, amount, label, data FROM bulk_probe ORDER BY id")));
        QList<QVariantList> stored;
        while (query.next())
            stored.append({query.value(0), query.value(1), query.value(2), query.value(3), query.value(4)});
        QCOMPARE(stored.size(), rows.size());
        const QList<int> order{2, 0, 3, 4, 1}; // by id
        for (int i = 0; i < order.size(); ++i) {
            const QVariantList &sent = rows.at(order.at(i));
            const QVariantList &back = stored.at(i);
            QCOMPARE(back.at(0).toLongLong(), sent.at(0).toLongLong());
            QCOMPARE(back.at(1).isNull(), sent.at(1).isNull());
            QCOMPARE(back.at(1).toInt(), sent.at(1).toInt());
            QCOMPARE(back.at(2).isNull(), sent.at(2).isNull());
            QCOMPARE(back.at(2).toDouble(), sent.at(2).toDouble());
            QCOMPARE(back.at(3).isNull(), sent.at(3).isNull());
            QCOMPARE(back.at(3).toString(), sent.at(3).toString());
            QCOMPARE(back.at(4).isNull(), sent.at(4).isNull());
            QCOMPARE(back.at(4).toByteArray(), sent.at(4).toByteArray());
        }
    }
};

QTEST_GUILESS_MAIN(TestPostgresRows)
#include "tst_postgresrows.moc"
