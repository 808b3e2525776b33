#include "calendar/BookingRules.h"

#include <QtTest>

using namespace dermdesk;

namespace {

const QDate monday(2026, 11, 30);
const QDate tuesday(2026, 12, 1);
const QDate sunday(2026, 11, 29);

WeeklyHours span(int weekday, int fromHour, int toHour)
{
    return {weekday, fromHour * 60, toHour * 60};
}

// The clinic of ScheduleClinic.h as plain values, in `zone`; `allWeek` opens it (and practitioner 1)
// around the clock every day, for daylight-saving Sundays.
ScheduleSetup makeSetup(const QByteArray &zone = "America/New_York", bool allWeek = false,
                        QList<WeeklyHours> sundayHours = {})
{
    ClinicSettings settings;
    settings.name = QStringLiteral("Test Clinic");
    settings.timeZone = zone;
    Practitioner hiers{1, QStringLiteral("Dr. Connie Hiers"), {}, QStringLiteral("#4f7cac"), true, 1, {}, {1, 2, 3, 4}};
    Practitioner ana{2, QStringLiteral("Nurse Ana"), {}, QStringLiteral("#4f7cac"), true, 2, {}, {1, 2}};
    Practitioner old{3, QStringLiteral("Dr. Old"), {}, QStringLiteral("#4f7cac"), false, 3, {}, {1}};
    for (int weekday = 1; weekday <= 6; ++weekday) {
        settings.openingHours.append(span(weekday, 8, 20));
        ana.hours.append(span(weekday, 8, 18));
        if (weekday <= 5) {
            hiers.hours.append(span(weekday, 9, 12));
            hiers.hours.append(span(weekday, 13, 17));
            old.hours.append(span(weekday, 9, 17));
        }
    }
    hiers.hours.append(span(6, 9, 13));
    if (allWeek) {
        settings.openingHours = {};
        for (int weekday = 1; weekday <= 7; ++weekday)
            settings.openingHours.append(span(weekday, 0, 24));
        hiers.hours.append(sundayHours);
    }
    QList<Room> rooms{{1, QStringLiteral("Room 1"), true, 1, {1, 3, 4}},
                      {2, QStringLiteral("Room 2"), true, 2, {1}},
                      {3, QStringLiteral("Old room"), false, 3, {1, 3}}};
    AppointmentType face{1, QStringLiteral("Microneedling face"), 60, 0, 10};
    AppointmentType consultation{2, QStringLiteral("Consultation"), 30};
    consultation.needsRoom = false;
    AppointmentType body{3, QStringLiteral("Microneedling body"), 60, 30, 15};
    AppointmentType peel{4, QStringLiteral("Peel"), 30};
    peel.active = false;
    return ScheduleSetup(settings, {hiers, ana, old}, rooms, {face, consultation, body, peel});
}

qint64 at(const QByteArray &zone, QDate date, int hour, int minute = 0)
{
    return ClinicTime(QTimeZone(zone)).toUtc(date, hour * 60 + minute).value();
}

qint64 ny(QDate date, int hour, int minute = 0)
{
    return at("America/New_York", date, hour, minute);
}

Appointment appointment(qint64 id, qint64 patient, qint64 practitioner, std::optional<qint64> room, qint64 type,
                        qint64 start, int minutes, int cleanup = 0,
                        AppointmentStatus status = AppointmentStatus::Booked)
{
    Appointment a;
    a.id = id;
    a.patientId = patient;
    a.practitionerId = practitioner;
    a.roomId = room;
    a.typeId = type;
    a.startsAt = start;
    a.endsAt = start + 60 * qint64(minutes);
    a.cleanupMin = cleanup;
    a.status = status;
    return a;
}

// On Monday: patient 1 with Dr. Hiers in room 1, 10:00–11:00 plus 10 minutes' cleanup; a cancelled and a
// no-show appointment for Nurse Ana in room 2 that no longer hold their slots.
QList<Appointment> mondayAppointments()
{
    return {appointment(1, 1, 1, 1, 1, ny(monday, 10), 60, 10),
            appointment(2, 2, 2, 2, 1, ny(monday, 14), 60, 0, AppointmentStatus::Cancelled),
            appointment(3, 2, 2, 2, 1, ny(monday, 15), 60, 0, AppointmentStatus::NoShow)};
}

QList<BlockoutOccurrence> blockouts()
{
    return {{10, std::nullopt, std::nullopt, ny(tuesday, 12), ny(tuesday, 13), QStringLiteral("Staff meeting")},
            {11, 2, std::nullopt, ny(monday, 16), ny(monday, 17), QStringLiteral("Training")},
            {12, std::nullopt, 2, ny(monday, 9), ny(monday, 10), QStringLiteral("Maintenance")}};
}

} // namespace

Q_DECLARE_METATYPE(std::optional<qint64>)

class TestBookingRules : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<qint64>("practitioner");
        QTest::addColumn<qint64>("room"); // 0: none
        QTest::addColumn<qint64>("type");
        QTest::addColumn<qint64>("patient");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("cleanup");
        QTest::addColumn<QString>("refusal"); // empty: accepted

        const auto row = [](const char *name, qint64 practitioner, qint64 room, qint64 type, qint64 patient,
                            qint64 start, int minutes, int cleanup, const char *refusal) {
            QTest::newRow(name) << practitioner << room << type << patient << start << minutes << cleanup
                                << QString::fromLatin1(refusal);
        };
        // Overlaps: practitioner and room include cleanup, the patient does not; back-to-back is fine.
        row("back-to-back before", 1, 1, 1, 2, ny(monday, 9), 60, 0, "");
        row("own cleanup runs into the next", 1, 1, 1, 2, ny(monday, 9), 60, 10, "rule.overlap.practitioner");
        row("starts inside the other's cleanup", 1, 2, 1, 2, ny(monday, 11), 30, 0, "rule.overlap.practitioner");
        row("starts when the cleanup ends", 1, 1, 1, 2, ny(monday, 11, 10), 30, 0, "");
        row("same room, other practitioner", 2, 1, 1, 2, ny(monday, 10, 30), 30, 0, "rule.overlap.room");
        row("room busy during cleanup", 2, 1, 1, 2, ny(monday, 11), 30, 0, "rule.overlap.room");
        row("same patient elsewhere", 2, 2, 1, 1, ny(monday, 10, 30), 30, 0, "rule.overlap.patient");
        row("patient free during the cleanup", 2, 2, 1, 1, ny(monday, 11), 30, 0, "");
        row("cancelled frees the slot", 2, 2, 1, 4, ny(monday, 14), 60, 0, "");
        row("no-show frees the slot", 2, 2, 1, 4, ny(monday, 15), 60, 0, "");
        // Blockouts: practitioner, room, whole clinic; touching edges are fine.
        row("practitioner blockout", 2, 2, 1, 4, ny(monday, 15, 30), 60, 0, "rule.blockout");
        row("cleanup into a blockout", 2, 2, 1, 4, ny(monday, 15), 60, 10, "rule.blockout");
        row("right after a blockout", 2, 2, 1, 4, ny(monday, 17), 30, 0, "");
        row("room blockout", 2, 2, 1, 4, ny(monday, 9, 30), 30, 0, "rule.blockout");
        row("right before a room blockout", 2, 2, 1, 4, ny(monday, 8, 30), 30, 0, "");
        row("clinic-wide blockout", 2, 2, 1, 4, ny(tuesday, 12, 30), 30, 0, "rule.blockout");
        row("other room during a room blockout", 2, 1, 1, 4, ny(monday, 9, 15), 30, 0, "");
        // Hours.
        row("before the practitioner starts", 1, 2, 1, 4, ny(monday, 8, 30), 60, 0, "rule.hours.practitioner");
        row("in the practitioner's break", 1, 2, 1, 4, ny(monday, 12), 30, 0, "rule.hours.practitioner");
        row("cleanup past the end of the shift", 1, 2, 1, 4, ny(monday, 16), 60, 10, "rule.hours.practitioner");
        row("ends exactly with the shift", 1, 2, 1, 4, ny(monday, 16), 60, 0, "");
        row("clinic closed on Sunday", 2, 2, 1, 4, ny(sunday, 10), 60, 0, "rule.hours.clinic");
        row("before the clinic opens", 2, 2, 1, 4, ny(monday, 7, 30), 60, 0, "rule.hours.clinic");
        // Resources.
        row("inactive practitioner", 3, 2, 1, 4, ny(monday, 9), 60, 0, "rule.practitioner.inactive");
        row("inactive room", 1, 3, 1, 4, ny(monday, 13), 60, 0, "rule.room.inactive");
        row("inactive type", 1, 1, 4, 4, ny(monday, 13), 30, 0, "rule.type.inactive");
        row("practitioner does not perform it", 2, 1, 3, 4, ny(monday, 13), 90, 0, "rule.practitioner.type");
        row("room cannot host it", 1, 2, 3, 4, ny(monday, 13), 90, 0, "rule.room.type");
        row("type needs a room", 1, 0, 1, 4, ny(monday, 13), 60, 0, "rule.room.required");
        row("type needs no room", 1, 0, 2, 4, ny(monday, 13), 30, 0, "");
        row("unknown practitioner", 99, 1, 1, 4, ny(monday, 13), 60, 0, "not_found.practitioner");
        row("unknown room", 1, 99, 1, 4, ny(monday, 13), 60, 0, "not_found.room");
        row("unknown type", 1, 1, 99, 4, ny(monday, 13), 60, 0, "not_found.appointment_type");
        // Shape.
        row("end before start", 1, 1, 1, 4, ny(monday, 13), -30, 0, "input.end");
        row("zero minutes", 1, 1, 1, 4, ny(monday, 13), 0, 0, "input.duration");
        row("over twelve hours", 2, 2, 1, 4, ny(monday, 8), 12 * 60 + 15, 0, "input.duration");
        row("cleanup over two hours", 1, 1, 1, 4, ny(monday, 13), 60, 121, "input.cleanup");
    }

    void rules()
    {
        QFETCH(qint64, practitioner);
        QFETCH(qint64, room);
        QFETCH(qint64, type);
        QFETCH(qint64, patient);
        QFETCH(qint64, start);
        QFETCH(int, minutes);
        QFETCH(int, cleanup);
        QFETCH(QString, refusal);

        const ScheduleSetup setup = makeSetup();
        const QList<Appointment> occupying = mondayAppointments();
        const QList<BlockoutOccurrence> blocked = blockouts();
        const BookingRules rules(setup, occupying, blocked);
        const Appointment candidate =
            appointment(0, patient, practitioner, room ? std::optional<qint64>(room) : std::nullopt, type, start,
                        minutes, cleanup);
        const Status verdict = rules.check(candidate);
        QCOMPARE(verdict.ok() ? QString() : verdict.error().code(), refusal);
        if (!verdict.ok()) {
            QVERIFY(!verdict.error().message().isEmpty());
            QCOMPARE(verdict.error().exitCode(), refusal.startsWith(QLatin1String("rule."))        ? 3
                                                 : refusal.startsWith(QLatin1String("not_found.")) ? 4
                                                                                                   : 2);
        }
    }

    void refusalsSayWhatIsInTheWay()
    {
        const ScheduleSetup setup = makeSetup();
        const QList<Appointment> occupying = mondayAppointments();
        const QList<BlockoutOccurrence> blocked = blockouts();
        const BookingRules rules(setup, occupying, blocked);
        const Status blockout = rules.check(appointment(0, 4, 2, 2, 1, ny(monday, 16), 30));
        QVERIFY2(blockout.error().message().contains(QLatin1String("Training")),
                 qPrintable(blockout.error().message()));
        QVERIFY(blockout.error().message().contains(QLatin1String("Nurse Ana")));
        const Status overlap = rules.check(appointment(0, 2, 1, 2, 1, ny(monday, 10, 30), 30));
        QVERIFY2(overlap.error().message().contains(QStringLiteral("10:00–11:10")),
                 qPrintable(overlap.error().message()));
        const Status hours = rules.check(appointment(0, 4, 1, 2, 1, ny(monday, 12), 30));
        QVERIFY2(hours.error().message().contains(QStringLiteral("09:00–12:00, 13:00–17:00")),
                 qPrintable(hours.error().message()));
    }

    void aRescheduleDoesNotCollideWithItself()
    {
        const ScheduleSetup setup = makeSetup();
        const QList<Appointment> occupying = mondayAppointments();
        const QList<BlockoutOccurrence> none;
        const BookingRules rules(setup, occupying, none);
        Appointment moved = occupying.first();
        moved.startsAt += 30 * 60;
        moved.endsAt += 30 * 60;
        QVERIFY(rules.check(moved).ok());
    }

    void pastAndPatient()
    {
        QVERIFY(BookingRules::checkNotPast(1000, 999, false).ok());
        QVERIFY(BookingRules::checkNotPast(1000, 1000, false).ok());
        const Status past = BookingRules::checkNotPast(1000, 1001, false);
        QCOMPARE(past.error().code(), QStringLiteral("input.start.past"));
        QCOMPARE(past.error().field(), QStringLiteral("start"));
        QCOMPARE(past.error().exitCode(), 2);
        QVERIFY(BookingRules::checkNotPast(1000, 1001, true).ok());

        QVERIFY(BookingRules::checkPatient(1, false).ok());
        QCOMPARE(BookingRules::checkPatient(1, true).error().code(), QStringLiteral("rule.patient.archived"));
        QCOMPARE(BookingRules::checkPatient(7, std::nullopt).error().code(), QStringLiteral("not_found.patient"));
    }

    void preparationMustBeShorterThanTheVisit()
    {
        Appointment a = appointment(0, 4, 1, 1, 3, ny(monday, 13), 30);
        a.prepMin = 30;
        QCOMPARE(BookingRules::checkShape(a).error().code(), QStringLiteral("input.prep"));
        a.endsAt += 60;
        QVERIFY(BookingRules::checkShape(a).ok());
    }

    void roomIsPickedInSortOrder()
    {
        const ScheduleSetup setup = makeSetup();
        QList<Appointment> occupying = mondayAppointments();
        const QList<BlockoutOccurrence> blocked = blockouts();
        const BookingRules rules(setup, occupying, blocked);

        // Room 1 free: it comes first.
        auto room = rules.chooseRoom(appointment(0, 4, 2, std::nullopt, 1, ny(monday, 13), 60));
        QVERIFY(room.ok());
        QCOMPARE(room.value(), std::optional<qint64>(1));
        // Room 1 busy (10:00–11:10): room 2.
        room = rules.chooseRoom(appointment(0, 4, 2, std::nullopt, 1, ny(monday, 10, 30), 30));
        QCOMPARE(room.value(), std::optional<qint64>(2));
        // Room 1 busy and room 2 blocked (09:00–10:00): the first suitable room's reason.
        room = rules.chooseRoom(appointment(0, 4, 2, std::nullopt, 1, ny(monday, 9, 30), 60));
        QVERIFY(!room.ok());
        QCOMPARE(room.error().code(), QStringLiteral("rule.overlap.room"));
        // Only room 1 hosts type 3 and it is busy.
        room = rules.chooseRoom(appointment(0, 4, 1, std::nullopt, 3, ny(monday, 10), 90));
        QCOMPARE(room.error().code(), QStringLiteral("rule.overlap.room"));
        // A type that needs no room gets none.
        room = rules.chooseRoom(appointment(0, 4, 1, std::nullopt, 2, ny(monday, 13), 30));
        QVERIFY(room.ok());
        QVERIFY(!room.value().has_value());
    }

    void noActiveRoomHostsTheType()
    {
        ScheduleSetup setup = makeSetup();
        const QList<Appointment> none;
        const QList<BlockoutOccurrence> noBlockouts;
        ClinicSettings settings = setup.settings();
        QList<Room> rooms = setup.rooms();
        rooms[0].typeIds = {1}; // room 1 no longer hosts type 3; the old room does, but is inactive
        const ScheduleSetup changed(settings, setup.practitioners(), rooms,
                                    {*setup.type(1), *setup.type(2), *setup.type(3), *setup.type(4)});
        const BookingRules rules(changed, none, noBlockouts);
        auto room = rules.chooseRoom(appointment(0, 4, 1, std::nullopt, 3, ny(monday, 13), 90));
        QCOMPARE(room.error().code(), QStringLiteral("rule.room.type"));
    }

    // Hours are wall-clock readings on the clinic's day, so daylight-saving days keep 09:00 at 09:00.
    void daylightSavingDays_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("startMinute");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("workFromHour");
        QTest::addColumn<int>("workToHour");
        QTest::addColumn<QString>("refusal");

        const QDate nySpring(2026, 3, 8), nyFall(2026, 11, 1), londonSpring(2026, 3, 29), londonFall(2026, 10, 25);
        QTest::newRow("New York spring forward, 09:00")
            << QByteArray("America/New_York") << nySpring << 540 << 60 << 9 << 17 << QString();
        QTest::newRow("New York spring forward, ends past the shift")
            << QByteArray("America/New_York") << nySpring << 990 << 60 << 9 << 17
            << QStringLiteral("rule.hours.practitioner");
        QTest::newRow("New York spring forward, across the gap")
            << QByteArray("America/New_York") << nySpring << 90 << 60 << 0 << 3
            << QStringLiteral("rule.hours.practitioner");
        QTest::newRow("New York fall back, 09:00")
            << QByteArray("America/New_York") << nyFall << 540 << 60 << 9 << 17 << QString();
        QTest::newRow("New York fall back, 16:00 to 17:00")
            << QByteArray("America/New_York") << nyFall << 960 << 60 << 9 << 17 << QString();
        QTest::newRow("London spring forward, across the gap")
            << QByteArray("Europe/London") << londonSpring << 30 << 60 << 0 << 2
            << QStringLiteral("rule.hours.practitioner");
        QTest::newRow("London spring forward, 16:00")
            << QByteArray("Europe/London") << londonSpring << 960 << 60 << 9 << 17 << QString();
        QTest::newRow("London fall back, 09:00")
            << QByteArray("Europe/London") << londonFall << 540 << 60 << 9 << 17 << QString();
        QTest::newRow("London fall back, before the shift") << QByteArray("Europe/London") << londonFall << 480 << 60
                                                            << 9 << 17 << QStringLiteral("rule.hours.practitioner");
    }

    void daylightSavingDays()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, date);
        QFETCH(int, startMinute);
        QFETCH(int, minutes);
        QFETCH(int, workFromHour);
        QFETCH(int, workToHour);
        QFETCH(QString, refusal);

        const ScheduleSetup setup = makeSetup(zone, true, {span(7, workFromHour, workToHour)});
        const QList<Appointment> none;
        const QList<BlockoutOccurrence> noBlockouts;
        const BookingRules rules(setup, none, noBlockouts);
        const qint64 start = at(zone, date, startMinute / 60, startMinute % 60);
        const Appointment candidate = appointment(0, 4, 1, 1, 1, start, minutes);
        QCOMPARE(rules.localSpan(candidate).startMin, startMinute);
        const Status verdict = rules.check(candidate);
        QCOMPARE(verdict.ok() ? QString() : verdict.error().code(), refusal);
    }

    void theRepeatedHourHoldsTwoDifferentInstants()
    {
        // New York, 2026-11-01: 01:30 happens twice. An appointment at the second 01:30 (EST) does not
        // collide with one at the first 01:00–02:00 reading... which ends at the first 02:00 = second 01:00.
        const QDate fallBack(2026, 11, 1);
        const ScheduleSetup setup = makeSetup("America/New_York", true, {span(7, 0, 24)});
        const qint64 firstOneThirty = ny(fallBack, 1, 30);
        const qint64 secondOneThirty = firstOneThirty + 3600;
        const QList<Appointment> occupying{appointment(1, 1, 1, 1, 1, secondOneThirty, 30)};
        const QList<BlockoutOccurrence> none;
        const BookingRules rules(setup, occupying, none);
        QVERIFY(rules.check(appointment(0, 2, 1, 1, 1, ny(fallBack, 1), 60)).ok());
        QCOMPARE(rules.check(appointment(0, 2, 1, 1, 1, ny(fallBack, 1) + 3600, 60)).error().code(),
                 QStringLiteral("rule.overlap.practitioner"));
    }
};

QTEST_GUILESS_MAIN(TestBookingRules)
#include "tst_bookingrules.moc"
