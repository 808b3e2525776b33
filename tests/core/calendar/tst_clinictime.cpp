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

    void skippedWallClockTimeNamesTheJump_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("minute");
        QTest::addColumn<QString>("message");
        QTest::newRow("New York") << QByteArray("America/New_York") << QDate(2027, 3, 14) << 2 * 60 + 30
                                  << QStringLiteral("02:30 does not exist on 2027-03-14 in America/New_York: clocks go "
                                                    "from 02:00 to 03:00.");
        QTest::newRow("London") << QByteArray("Europe/London") << QDate(2026, 3, 29) << 60
                                << QStringLiteral("01:00 does not exist on 2026-03-29 in Europe/London: clocks go "
                                                  "from 01:00 to 02:00.");
        QTest::newRow("Lord Howe, half an hour")
            << QByteArray("Australia/Lord_Howe") << QDate(2026, 10, 4) << 2 * 60 + 15
            << QStringLiteral("02:15 does not exist on 2026-10-04 in "
                              "Australia/Lord_Howe: clocks go from 02:00 to 02:30.");
    }

    void skippedWallClockTimeNamesTheJump()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, day);
        QFETCH(int, minute);
        QFETCH(QString, message);
        const ClinicTime time{QTimeZone(zone)};
        const auto readings = time.readings(day, minute, QStringLiteral("--start"));
        QVERIFY(!readings.ok());
        QCOMPARE(readings.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(readings.error().field(), QStringLiteral("--start"));
        QCOMPARE(readings.error().message(), message);
        QCOMPARE(time.toUtc(day, minute).error().message(), message);
    }

    void repeatedWallClockTimeHasTwoReadings()
    {
        const ClinicTime time{QTimeZone("America/New_York")};
        const auto readings = time.readings(QDate(2026, 11, 1), 60 + 30);
        QVERIFY(readings.ok());
        QCOMPARE(readings.value().size(), 2);
        const ClinicTime::Reading &first = readings.value().at(0);
        const ClinicTime::Reading &second = readings.value().at(1);
        QCOMPARE(first.instant, QDateTime(QDate(2026, 11, 1), QTime(5, 30), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(second.instant - first.instant, qint64(3600));
        QCOMPARE(first.offsetSeconds, -4 * 3600);
        QCOMPARE(second.offsetSeconds, -5 * 3600);
        QCOMPARE(first.abbreviation, QStringLiteral("EDT"));
        QCOMPARE(second.abbreviation, QStringLiteral("EST"));
        QCOMPARE(ClinicTime::offsetText(second.offsetSeconds), QStringLiteral("-05:00"));
        QCOMPARE(ClinicTime::offsetText(5 * 3600 + 45 * 60), QStringLiteral("+05:45"));

        // Both read 01:30; only there does the time alone not say which hour is meant.
        QVERIFY(time.isRepeatedReading(first.instant));
        QVERIFY(time.isRepeatedReading(second.instant));
        QVERIFY(!time.isRepeatedReading(first.instant - 3600));  // 00:30 EDT
        QVERIFY(!time.isRepeatedReading(second.instant + 3600)); // 02:30 EST
        const QLocale c(QLocale::C);
        QCOMPARE(time.clockText(first.instant, c), QStringLiteral("01:30 EDT"));
        QCOMPARE(time.clockText(second.instant, c), QStringLiteral("01:30 EST"));
        QCOMPARE(time.clockText(second.instant + 3600, c), QStringLiteral("02:30"));
        QCOMPARE(time.spanText(second.instant, second.instant + 3600, c), QStringLiteral("01:30 EST \u2013 02:30"));

        const auto ordinary = time.readings(QDate(2026, 11, 2), 60 + 30);
        QVERIFY(ordinary.ok());
        QCOMPARE(ordinary.value().size(), 1);
        QCOMPARE(ordinary.value().constFirst().abbreviation, QStringLiteral("EST"));
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
