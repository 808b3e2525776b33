#include "calendar/ClinicTime.h"

#include <QtTest>

using namespace dermdesk;

class TestClinicTime : public QObject
{
    Q_OBJECT

private slots:
    void dayLengths_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("hours");
        QTest::newRow("New York, ordinary") << QByteArray("America/New_York") << QDate(2026, 11, 26) << 24;
        QTest::newRow("New York, spring forward") << QByteArray("America/New_York") << QDate(2026, 3, 8) << 23;
        QTest::newRow("New York, fall back") << QByteArray("America/New_York") << QDate(2026, 11, 1) << 25;
        QTest::newRow("London, spring forward") << QByteArray("Europe/London") << QDate(2026, 3, 29) << 23;
        QTest::newRow("London, fall back") << QByteArray("Europe/London") << QDate(2026, 10, 25) << 25;
    }

    void dayLengths()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, day);
        QFETCH(int, hours);
        const ClinicTime time{QTimeZone(zone)};
        const auto range = time.dayRange(day);
        QCOMPARE(range.to - range.from, qint64(hours) * 3600);
        QCOMPARE(time.localDate(range.from), day);
        QCOMPARE(time.localDate(range.to - 1), day);
        QCOMPARE(time.localDate(range.to), day.addDays(1));
    }

    void nineOClockIsNineOClockOnEveryDay()
    {
        const ClinicTime time{QTimeZone("America/New_York")};
        for (const QDate &day : {QDate(2026, 3, 7), QDate(2026, 3, 8), QDate(2026, 3, 9), QDate(2026, 11, 1)}) {
            const auto instant = time.toUtc(day, 9 * 60);
            QVERIFY(instant.ok());
            QCOMPARE(time.localMinute(instant.value()), 9 * 60);
            QCOMPARE(time.localDate(instant.value()), day);
        }
        // 09:00 EST is 14:00 UTC; 09:00 EDT is 13:00 UTC.
        QCOMPARE(time.toUtc(QDate(2026, 3, 7), 9 * 60).value() % 86400, qint64(14 * 3600));
        QCOMPARE(time.toUtc(QDate(2026, 3, 9), 9 * 60).value() % 86400, qint64(13 * 3600));
    }

    void skippedWallClockTimeIsRefused()
    {
        const ClinicTime time{QTimeZone("America/New_York")};
        const auto gap = time.toUtc(QDate(2026, 3, 8), 2 * 60 + 30);
        QVERIFY(!gap.ok());
        QCOMPARE(gap.error().field(), QStringLiteral("start"));
        QVERIFY2(gap.error().message().contains(QLatin1String("02:30")), qPrintable(gap.error().message()));
        QVERIFY(time.toUtc(QDate(2026, 3, 8), 3 * 60).ok());
    }

    void repeatedWallClockTimeMeansTheFirst()
    {
        const ClinicTime time{QTimeZone("America/New_York")};
        const auto first = time.toUtc(QDate(2026, 11, 1), 60 + 30);
        QVERIFY(first.ok());
        // 01:30 EDT (UTC-4) = 05:30 UTC.
        QCOMPARE(first.value(), QDateTime(QDate(2026, 11, 1), QTime(5, 30), Qt::UTC).toSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(TestClinicTime)
#include "tst_clinictime.moc"
