#include "ui/schedule/ScheduleGeometry.h"

#include <QtTest>

using namespace dermdesk;
using ui::ScheduleGeometry;

namespace {

ScheduleGeometry geometry(const char *zone, int slotMinutes = 15)
{
    ScheduleGeometry g(ClinicTime(QTimeZone(zone)), slotMinutes);
    g.setSlotHeight(24);
    g.setTop(10);
    g.setColumns(4, 60, 800);
    return g;
}

qint64 at(const char *zone, QDate day, int hour, int minute = 0)
{
    return ClinicTime(QTimeZone(zone)).toUtc(day, hour * 60 + minute).value();
}

ScheduleGeometry::Block block(qint64 id, int column, int start, int end, bool isVoid = false)
{
    ScheduleGeometry::Block b;
    b.id = id;
    b.column = column;
    b.startMin = start;
    b.endMin = end;
    b.isVoid = isVoid;
    return b;
}

} // namespace

// The pure geometry behind the schedule view: wall clock ↔ y on ordinary and daylight-saving days,
// columns, lanes for overlapping appointments and hit-testing.
class TestScheduleGeometry : public QObject
{
    Q_OBJECT

private slots:
    void wallClockMapsToTheSameHeightOnEveryDay_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("dayHours");
        QTest::newRow("New York, ordinary") << QByteArray("America/New_York") << QDate(2026, 11, 26) << 24;
        QTest::newRow("New York, spring forward") << QByteArray("America/New_York") << QDate(2026, 3, 8) << 23;
        QTest::newRow("New York, fall back") << QByteArray("America/New_York") << QDate(2026, 11, 1) << 25;
        QTest::newRow("London, spring forward") << QByteArray("Europe/London") << QDate(2026, 3, 29) << 23;
        QTest::newRow("London, fall back") << QByteArray("Europe/London") << QDate(2026, 10, 25) << 25;
    }
    void wallClockMapsToTheSameHeightOnEveryDay()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, day);
        QFETCH(int, dayHours);
        const ScheduleGeometry g = geometry(zone.constData());
        const ClinicTime::Range range = g.time().dayRange(day);
        QCOMPARE((range.to - range.from) / 3600, qint64(dayHours));
        // 09:00 and 17:45 are at the height of 09:00 and 17:45, however long the night was.
        QCOMPARE(g.timeToY(at(zone.constData(), day, 9), day), 10 + 9 * 4 * 24.0);
        QCOMPARE(g.timeToY(at(zone.constData(), day, 17, 45), day), 10 + (17 * 4 + 3) * 24.0);
        // The day's bounds: its first instant at the top, the next day's first at the bottom.
        QCOMPARE(g.timeToY(range.from, day), 10.0);
        QCOMPARE(g.timeToY(range.to, day), 10 + g.dayHeight());
        QCOMPARE(g.timeToY(range.from - 60, day), 10.0);
        // And back: the slot under a y starts at the wall-clock time it shows.
        QCOMPARE(g.yToTime(10 + 9 * 4 * 24.0 + 5, day), std::optional<qint64>(at(zone.constData(), day, 9)));
        QCOMPARE(g.yToTime(10 + (17 * 4 + 3) * 24.0 + 23.9, day),
                 std::optional<qint64>(at(zone.constData(), day, 17, 45)));
    }

    void skippedHourHasNoInstant()
    {
        const ScheduleGeometry ny = geometry("America/New_York");
        QVERIFY(!ny.yToTime(ny.minuteToY(2 * 60 + 30), QDate(2026, 3, 8)));
        QVERIFY(ny.yToTime(ny.minuteToY(3 * 60), QDate(2026, 3, 8)));
        const ScheduleGeometry london = geometry("Europe/London");
        QVERIFY(!london.yToTime(london.minuteToY(60), QDate(2026, 3, 29)));
    }

    void repeatedHourMapsBothReadingsOntoOneRow()
    {
        const ScheduleGeometry g = geometry("Europe/London");
        const QDate day(2026, 10, 25);
        const qint64 first = at("Europe/London", day, 1, 30);
        const qint64 second = first + 3600;
        QCOMPARE(g.minuteOn(first, day), 90);
        QCOMPARE(g.minuteOn(second, day), 90);
        QCOMPARE(g.yToTime(g.minuteToY(90), day), std::optional<qint64>(first));
    }

    void aMovedAppointmentKeepsItsReadingOfTheRepeatedHour()
    {
        const ScheduleGeometry g = geometry("America/New_York");
        const QDate day(2026, 11, 1);
        const qint64 firstAt0130 = at("America/New_York", day, 1, 30); // 05:30 UTC, EDT
        const qint64 secondAt0130 = firstAt0130 + 3600;                // 06:30 UTC, EST
        // Dragged from 01:30 to 01:45: an hour apart, as they were.
        QCOMPARE(g.placedStart(day, 105, firstAt0130).value(), firstAt0130 + 15 * 60);
        QCOMPARE(g.placedStart(day, 105, secondAt0130).value(), secondAt0130 + 15 * 60);
        // Ordinary times have one reading whatever the offset of the appointment's start.
        QCOMPARE(g.placedStart(day, 9 * 60, secondAt0130).value(), at("America/New_York", day, 9));
        QVERIFY(!g.placedStart(QDate(2027, 3, 14), 150, secondAt0130).ok());
        // An end is the first reading of its time after the start.
        QCOMPARE(g.placedEnd(day, 120, secondAt0130 + 15 * 60).value(), secondAt0130 + 30 * 60);
        QCOMPARE(g.placedEnd(day, 75, secondAt0130 - 30 * 60).value(), secondAt0130 - 15 * 60); // 01:00 EST → 01:15 EST
        QCOMPARE(g.placedEnd(day, 105, firstAt0130).value(), firstAt0130 + 15 * 60);
        QCOMPARE(g.placedEnd(day, 24 * 60, firstAt0130).value(), at("America/New_York", day.addDays(1), 0));
    }

    void aVisitIntoTheRepeatedHourKeepsItsHeight()
    {
        const ScheduleGeometry g = geometry("America/New_York");
        const QDate day(2026, 11, 1);
        const qint64 start = at("America/New_York", day, 1, 30); // 01:30 EDT
        // 30 minutes later the clocks read 01:00 EST; the block still runs 30 minutes down from 01:30.
        QCOMPARE(g.endMinuteOn(start, start + 30 * 60, day), 120);
        QCOMPARE(g.endMinuteOn(start + 3600, start + 3600 + 30 * 60, day), 120);
        const qint64 nine = at("America/New_York", day, 9);
        QCOMPARE(g.endMinuteOn(nine, nine + 3600, day), 600);
        // On the spring-forward day a visit across the skipped hour ends where the clocks say.
        const QDate spring(2027, 3, 14);
        const qint64 early = at("America/New_York", spring, 1, 30);
        QCOMPARE(g.endMinuteOn(early, early + 3600, spring), 3 * 60 + 30);
    }

    void yToMinuteSnapsToTheSlotSize_data()
    {
        QTest::addColumn<int>("slot");
        QTest::addColumn<double>("minute");
        QTest::addColumn<int>("expected");
        QTest::newRow("5 min") << 5 << 547.9 << 545;
        QTest::newRow("10 min") << 10 << 549.0 << 540;
        QTest::newRow("15 min") << 15 << 554.5 << 540;
        QTest::newRow("15 min, on the line") << 15 << 555.0 << 555;
        QTest::newRow("before the day") << 15 << -30.0 << 0;
        QTest::newRow("after the day") << 10 << 1500.0 << 1430;
    }
    void yToMinuteSnapsToTheSlotSize()
    {
        QFETCH(int, slot);
        QFETCH(double, minute);
        QFETCH(int, expected);
        ScheduleGeometry g(ClinicTime(QTimeZone("America/New_York")), slot);
        g.setSlotHeight(18);
        QCOMPARE(g.yToMinute(g.minuteToY(minute)), expected);
        QCOMPARE(g.minuteHeight(), 18.0 / slot);
    }

    void columnsShareTheWidth()
    {
        const ScheduleGeometry g = geometry("America/New_York");
        QCOMPARE(g.columnWidth(), 200.0);
        QCOMPARE(g.columnLeft(2), 460.0);
        QCOMPARE(g.columnAt(59.9), -1);
        QCOMPARE(g.columnAt(60), 0);
        QCOMPARE(g.columnAt(259.9), 0);
        QCOMPARE(g.columnAt(260), 1);
        QCOMPARE(g.columnAt(859.9), 3);
        QCOMPARE(g.columnAt(860), -1);
        QCOMPARE(g.slotRect(1, 540), QRectF(260, 10 + 36 * 24, 200, 24));
    }

    void overlappingBlocksShareTheColumn()
    {
        QList<ScheduleGeometry::Block> blocks = {
            block(1, 0, 540, 600), // 09:00-10:00
            block(2, 0, 570, 630), // 09:30-10:30 overlaps 1
            block(3, 0, 600, 660), // 10:00-11:00 back-to-back with 1: reuses its lane
            block(4, 0, 720, 780), // alone
            block(5, 1, 540, 600), // another column
        };
        ScheduleGeometry::layout(blocks);
        QCOMPARE(blocks.at(0).lane, 0);
        QCOMPARE(blocks.at(1).lane, 1);
        QCOMPARE(blocks.at(2).lane, 0);
        QCOMPARE(blocks.at(0).laneCount, 2);
        QCOMPARE(blocks.at(2).laneCount, 2);
        QCOMPARE(blocks.at(3).laneCount, 1);
        QCOMPARE(blocks.at(4).lane, 0);
        QCOMPARE(blocks.at(4).laneCount, 1);
        const ScheduleGeometry g = geometry("America/New_York");
        QCOMPARE(g.blockRect(blocks.at(1)), QRectF(160, 10 + 38 * 24, 100, 4 * 24));
    }

    void cancelledBlocksNeverCoverLiveOnes()
    {
        // The cancelled one was booked first and starts earlier; the live one still takes the first lane.
        QList<ScheduleGeometry::Block> blocks = {block(1, 0, 540, 600, true), block(2, 0, 550, 600)};
        ScheduleGeometry::layout(blocks);
        QCOMPARE(blocks.at(1).lane, 0);
        QCOMPARE(blocks.at(0).lane, 1);
        const ScheduleGeometry g = geometry("America/New_York");
        QVERIFY(!g.blockRect(blocks.at(0)).intersects(g.blockRect(blocks.at(1))));
        // The live one keeps three quarters of the column.
        QCOMPARE(g.blockRect(blocks.at(1)).width(), 150.0);
        QCOMPARE(g.blockRect(blocks.at(0)).left(), 60 + 150.0);
        QCOMPARE(g.blockRect(blocks.at(0)).width(), 50.0);
        // A point on the live block hits it, not the cancelled one.
        const auto hit = g.hitTest(g.blockRect(blocks.at(1)).center(), blocks);
        QCOMPARE(hit.appointmentId, qint64(2));
    }

    void hitTestFindsSlotsBlocksAndResizeHandles()
    {
        const ScheduleGeometry g = geometry("America/New_York");
        QList<ScheduleGeometry::Block> blocks = {block(7, 1, 540, 600)};
        ScheduleGeometry::layout(blocks);
        const QRectF rect = g.blockRect(blocks.at(0));

        auto hit = g.hitTest(rect.center(), blocks);
        QCOMPARE(hit.kind, ScheduleGeometry::Hit::Kind::Appointment);
        QCOMPARE(hit.appointmentId, qint64(7));
        QCOMPARE(hit.block, qsizetype(0));
        QCOMPARE(hit.column, 1);

        hit = g.hitTest(QPointF(rect.center().x(), rect.bottom() - 2), blocks);
        QCOMPARE(hit.kind, ScheduleGeometry::Hit::Kind::ResizeHandle);

        hit = g.hitTest(QPointF(rect.center().x(), g.minuteToY(600) + 1), blocks);
        QCOMPARE(hit.kind, ScheduleGeometry::Hit::Kind::Slot);
        QCOMPARE(hit.minute, 600);

        hit = g.hitTest(QPointF(70, g.minuteToY(13 * 60 + 20)), blocks);
        QCOMPARE(hit.kind, ScheduleGeometry::Hit::Kind::Slot);
        QCOMPARE(hit.column, 0);
        QCOMPARE(hit.minute, 13 * 60 + 15);

        QCOMPARE(g.hitTest(QPointF(30, 500), blocks).kind, ScheduleGeometry::Hit::Kind::Nothing);
        QCOMPARE(g.hitTest(QPointF(100, 5), blocks).kind, ScheduleGeometry::Hit::Kind::Nothing);
    }
};

QTEST_APPLESS_MAIN(TestScheduleGeometry)
#include "tst_schedulegeometry.moc"
