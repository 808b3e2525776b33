#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BlockoutRepository.h"
#include "calendar/BookingService.h"
#include "calendar/SlotFinder.h"

#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

namespace {
const QDate monday(2026, 11, 30);
const QDate wednesday(2026, 12, 2);
} // namespace

// "Find a slot": the next free times for a type, on the grid, never in the past, honouring
// practitioner, patient, rooms, blockouts, preferences and daylight-saving days.
// "Now" is Thursday 2026-11-26 09:00 in New York.
class TestSlotFinder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    SlotFinder::Query query(qint64 type, QDate from, QDate to, int count = 5) const
    {
        SlotFinder::Query q;
        q.typeId = type;
        q.from = from;
        q.to = to;
        q.count = count;
        return q;
    }

    QStringList find(const SlotFinder::Query &q, const QByteArray &zone = "America/New_York")
    {
        auto found = SlotFinder(m_temp->database(), m_clock).find(q);
        if (!found)
            return {QStringLiteral("error: ") + found.error().code()};
        const ClinicTime time{QTimeZone(zone)};
        QStringList offered;
        for (const SlotFinder::Slot &slot : found.value())
            offered << QStringLiteral("%1 %2 p%3%4")
                           .arg(time.toLocal(slot.startsAt).toString(QStringLiteral("ddd")),
                                time.toLocal(slot.startsAt).toString(QStringLiteral("HH:mm")))
                           .arg(slot.practitionerId)
                           .arg(slot.roomId ? QStringLiteral(" r%1").arg(*slot.roomId) : QString());
        return offered;
    }

    qint64 book(qint64 patient, qint64 practitioner, qint64 type, qint64 start)
    {
        auto booked =
            BookingService(m_temp->database(), m_clock).book(test::bookingRequest(patient, practitioner, type, start));
        return booked.ok() ? booked.value().id : 0;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
    }

    void cleanup() { m_temp.reset(); }

    void slotsFollowTheGrid()
    {
        SlotFinder::Query q = query(2, monday, monday);
        q.practitionerId = 1;
        QCOMPARE(find(q), (QStringList{QStringLiteral("Mon 09:00 p1"), QStringLiteral("Mon 09:15 p1"),
                                       QStringLiteral("Mon 09:30 p1"), QStringLiteral("Mon 09:45 p1"),
                                       QStringLiteral("Mon 10:00 p1")}));
        QVERIFY(test::runAll(m_temp->database(), {QStringLiteral("UPDATE clinic_settings SET slot_minutes = 20")}));
        QCOMPARE(find(q), (QStringList{QStringLiteral("Mon 09:00 p1"), QStringLiteral("Mon 09:20 p1"),
                                       QStringLiteral("Mon 09:40 p1"), QStringLiteral("Mon 10:00 p1"),
                                       QStringLiteral("Mon 10:20 p1")}));
    }

    void neverInThePast()
    {
        SlotFinder::Query q = query(2, QDate(2026, 11, 20), QDate(2026, 11, 26), 2);
        q.practitionerId = 1;
        QCOMPARE(find(q), (QStringList{QStringLiteral("Thu 09:00 p1"), QStringLiteral("Thu 09:15 p1")}));
        m_clock.advanceSecs(7 * 60); // 09:07
        QCOMPARE(find(q), (QStringList{QStringLiteral("Thu 09:15 p1"), QStringLiteral("Thu 09:30 p1")}));
        m_clock.set(QDateTime(QDate(2026, 11, 27), QTime(14, 0), Qt::UTC));
        QCOMPARE(find(q), QStringList());
    }

    void anyPractitionerWhoPerformsTheType()
    {
        // Nurse Ana starts at 08:00, Dr. Hiers at 09:00; rooms in sort order.
        QCOMPARE(find(query(1, monday, monday, 2)),
                 (QStringList{QStringLiteral("Mon 08:00 p2 r1"), QStringLiteral("Mon 08:15 p2 r1")}));
        SlotFinder::Query every = query(1, monday, monday, 3);
        every.earliestMinute = 9 * 60;
        every.everyPractitioner = true;
        // Alternatives, not a plan: each slot can be booked on its own, so both may offer room 1.
        QCOMPARE(find(every), (QStringList{QStringLiteral("Mon 09:00 p1 r1"), QStringLiteral("Mon 09:00 p2 r1"),
                                           QStringLiteral("Mon 09:15 p1 r1")}));
    }

    void busyTimesAreSkippedAndBackToBackOffered()
    {
        QVERIFY(book(4, 1, 1, newYorkAt(monday, 10))); // 10:00–11:00 + 10 min cleanup
        SlotFinder::Query q = query(2, monday, monday, 5);
        q.practitionerId = 1;
        QCOMPARE(find(q), (QStringList{QStringLiteral("Mon 09:00 p1"), QStringLiteral("Mon 09:15 p1"),
                                       QStringLiteral("Mon 09:30 p1"), QStringLiteral("Mon 11:15 p1"),
                                       QStringLiteral("Mon 11:30 p1")}));
    }

    void thePatientMustBeFreeToo()
    {
        QVERIFY(book(1, 2, 2, newYorkAt(monday, 10))); // patient 1 with Nurse Ana, 10:00–10:30
        SlotFinder::Query q = query(2, monday, monday, 4);
        q.practitionerId = 1;
        q.patientId = 1;
        q.earliestMinute = 9 * 60 + 30;
        QCOMPARE(find(q), (QStringList{QStringLiteral("Mon 09:30 p1"), QStringLiteral("Mon 10:30 p1"),
                                       QStringLiteral("Mon 10:45 p1"), QStringLiteral("Mon 11:00 p1")}));
    }

    void preferredWeekdaysAndTimeOfDay()
    {
        SlotFinder::Query q = query(2, QDate(2026, 11, 26), QDate(2026, 12, 31), 3);
        q.practitionerId = 1;
        q.weekdays = {3};
        q.earliestMinute = 14 * 60;
        q.latestMinute = 15 * 60;
        QCOMPARE(find(q), (QStringList{QStringLiteral("Wed 14:00 p1"), QStringLiteral("Wed 14:15 p1"),
                                       QStringLiteral("Wed 14:30 p1")}));
        auto offered = SlotFinder(m_temp->database(), m_clock).find(q).value();
        QCOMPARE(ClinicTime(QTimeZone("America/New_York")).localDate(offered.first().startsAt), wednesday);
    }

    void blockoutsAndBusyRooms()
    {
        BlockoutRepository blockouts(m_temp->database(), m_clock);
        Blockout meeting;
        meeting.startsAt = newYorkAt(monday, 8);
        meeting.endsAt = newYorkAt(monday, 12);
        meeting.reason = QStringLiteral("Staff meeting");
        QVERIFY(blockouts.add(meeting).ok());
        SlotFinder::Query q = query(2, monday, monday, 1);
        QCOMPARE(find(q), QStringList{QStringLiteral("Mon 12:00 p2")});

        // Only room 1 hosts type 3; blocked all Monday, the first slot is on Tuesday.
        Blockout floor;
        floor.roomId = 1;
        floor.startsAt = newYorkAt(monday, 0);
        floor.endsAt = newYorkAt(monday.addDays(1), 0);
        floor.reason = QStringLiteral("New floor");
        QVERIFY(blockouts.add(floor).ok());
        QCOMPARE(find(query(3, monday, monday.addDays(1), 1)), QStringList{QStringLiteral("Tue 09:00 p1 r1")});
    }

    void everySlotCanBeBooked()
    {
        SlotFinder::Query q = query(1, monday, monday, 6);
        auto offered = SlotFinder(m_temp->database(), m_clock).find(q);
        QVERIFY(offered.ok());
        QCOMPARE(offered.value().size(), 6);
        const SlotFinder::Slot &slot = offered.value().first();
        auto booked = BookingService(m_temp->database(), m_clock)
                          .book(test::bookingRequest(1, slot.practitionerId, 1, slot.startsAt, slot.roomId));
        QVERIFY2(booked.ok(), qPrintable(booked.ok() ? QString() : booked.error().message()));
        QCOMPARE(booked.value().endsAt, slot.endsAt);
    }

    void daylightSavingDays_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QStringList>("expected");
        // London springs forward at 01:00: 01:00–01:45 do not exist that day.
        QTest::newRow("London spring forward")
            << QStringLiteral("Europe/London") << QDate(2026, 3, 29)
            << QStringList{QStringLiteral("00:00"), QStringLiteral("00:15"), QStringLiteral("00:30"),
                           QStringLiteral("00:45"), QStringLiteral("02:00"), QStringLiteral("02:15")};
        // New York falls back at 02:00: 01:00–01:45 happen twice; slots use the first readings.
        QTest::newRow("New York fall back")
            << QStringLiteral("America/New_York") << QDate(2026, 11, 1)
            << QStringList{QStringLiteral("01:00"), QStringLiteral("01:15"), QStringLiteral("01:30"),
                           QStringLiteral("01:45"), QStringLiteral("02:00"), QStringLiteral("02:15")};
    }

    void daylightSavingDays()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, date);
        QFETCH(QStringList, expected);
        QVERIFY(test::runAll(m_temp->database(),
                             {QStringLiteral("UPDATE clinic_settings SET time_zone = '%1'").arg(zone),
                              QStringLiteral(
                                  "INSERT INTO opening_hours (weekday, opens_min, closes_min) VALUES (7, 0, 1440)"),
                              QStringLiteral(
                                  "INSERT INTO practitioner_hours (practitioner_id, weekday, starts_min, ends_min) "
                                  "VALUES (2, 7, 0, 360)")}));
        m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC));
        SlotFinder::Query q = query(2, date, date, 6);
        if (zone == QLatin1String("America/New_York"))
            q.earliestMinute = 60;
        auto offered = SlotFinder(m_temp->database(), m_clock).find(q);
        QVERIFY(offered.ok());
        const ClinicTime time{QTimeZone(zone.toUtf8())};
        QStringList times;
        for (const SlotFinder::Slot &slot : offered.value()) {
            times << time.toLocal(slot.startsAt).toString(QStringLiteral("HH:mm"));
            QCOMPARE(slot.endsAt - slot.startsAt, qint64(30 * 60));
        }
        QCOMPARE(times, expected);
        for (qsizetype i = 1; i < offered.value().size(); ++i)
            QVERIFY(offered.value().at(i).startsAt > offered.value().at(i - 1).startsAt);
    }

    void refusals_data()
    {
        QTest::addColumn<qint64>("type");
        QTest::addColumn<qint64>("practitioner"); // 0: any
        QTest::addColumn<qint64>("patient");      // 0: none
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("unknown type") << qint64(99) << qint64(0) << qint64(0) << monday << monday << 5
                                      << QStringLiteral("not_found.appointment_type");
        QTest::newRow("inactive type") << qint64(4) << qint64(0) << qint64(0) << monday << monday << 5
                                       << QStringLiteral("rule.type.inactive");
        QTest::newRow("unknown practitioner") << qint64(1) << qint64(99) << qint64(0) << monday << monday << 5
                                              << QStringLiteral("not_found.practitioner");
        QTest::newRow("inactive practitioner") << qint64(1) << qint64(3) << qint64(0) << monday << monday << 5
                                               << QStringLiteral("rule.practitioner.inactive");
        QTest::newRow("does not perform")
            << qint64(3) << qint64(2) << qint64(0) << monday << monday << 5 << QStringLiteral("rule.practitioner.type");
        QTest::newRow("archived patient")
            << qint64(1) << qint64(0) << qint64(3) << monday << monday << 5 << QStringLiteral("rule.patient.archived");
        QTest::newRow("unknown patient") << qint64(1) << qint64(0) << qint64(42) << monday << monday << 5
                                         << QStringLiteral("not_found.patient");
        QTest::newRow("reversed window") << qint64(1) << qint64(0) << qint64(0) << monday << monday.addDays(-1) << 5
                                         << QStringLiteral("input.to");
        QTest::newRow("window too long") << qint64(1) << qint64(0) << qint64(0) << monday << monday.addDays(400) << 5
                                         << QStringLiteral("input.to");
        QTest::newRow("no start") << qint64(1) << qint64(0) << qint64(0) << QDate() << monday << 5
                                  << QStringLiteral("input.from");
        QTest::newRow("no slots asked") << qint64(1) << qint64(0) << qint64(0) << monday << monday << 0
                                        << QStringLiteral("input.count");
    }

    void refusals()
    {
        QFETCH(qint64, type);
        QFETCH(qint64, practitioner);
        QFETCH(qint64, patient);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, count);
        QFETCH(QString, refusal);
        SlotFinder::Query q = query(type, from, to, count);
        if (practitioner)
            q.practitionerId = practitioner;
        if (patient)
            q.patientId = patient;
        QCOMPARE(find(q), QStringList{QStringLiteral("error: ") + refusal});
    }

    void badTimeOfDay()
    {
        SlotFinder::Query q = query(1, monday, monday);
        q.earliestMinute = 15 * 60;
        q.latestMinute = 14 * 60;
        QCOMPARE(find(q), QStringList{QStringLiteral("error: input.time_of_day")});
        q = query(1, monday, monday);
        q.weekdays = {8};
        QCOMPARE(find(q), QStringList{QStringLiteral("error: input.weekdays")});
    }
};

QTEST_GUILESS_MAIN(TestSlotFinder)
#include "tst_slotfinder.moc"
