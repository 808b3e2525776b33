#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BlockoutRepository.h"
#include "calendar/BookingService.h"

#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

// Closures and blockouts: validation, weekly repeats in local time (daylight-saving days included),
// scopes, removal, and the refusal a booking meets inside one.
class TestBlockoutRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    static Blockout blockout(qint64 start, qint64 end, const QString &reason = QStringLiteral("Lunch"),
                             std::optional<qint64> practitioner = std::nullopt,
                             std::optional<qint64> room = std::nullopt)
    {
        Blockout b;
        b.startsAt = start;
        b.endsAt = end;
        b.reason = reason;
        b.practitionerId = practitioner;
        b.roomId = room;
        return b;
    }

    static QStringList localTimes(const QList<BlockoutOccurrence> &occurrences, const QByteArray &zone)
    {
        const ClinicTime time{QTimeZone(zone)};
        QStringList times;
        for (const BlockoutOccurrence &o : occurrences)
            times << time.toLocal(o.startsAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral("–")
                         + time.toLocal(o.endsAt).toString(QStringLiteral("HH:mm"));
        return times;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow));
    }

    void cleanup() { m_temp.reset(); }

    void refusals_data()
    {
        QTest::addColumn<Blockout>("candidate");
        QTest::addColumn<QString>("refusal");
        const qint64 noon = newYorkAt(QDate(2026, 11, 30), 12);
        const qint64 one = newYorkAt(QDate(2026, 11, 30), 13);
        Blockout weekly = blockout(noon, one);
        weekly.weekly = true;
        weekly.repeatUntil = QDate(2026, 11, 29);
        Blockout longWeekly = blockout(noon, noon + 8 * 86400);
        longWeekly.weekly = true;
        QTest::newRow("no reason") << blockout(noon, one, QStringLiteral(" ")) << QStringLiteral("input.reason");
        QTest::newRow("ends before it starts") << blockout(one, noon) << QStringLiteral("input.end");
        QTest::newRow("zero length") << blockout(noon, noon) << QStringLiteral("input.end");
        QTest::newRow("practitioner and room")
            << blockout(noon, one, QStringLiteral("Lunch"), 1, 1) << QStringLiteral("input.scope");
        QTest::newRow("unknown practitioner")
            << blockout(noon, one, QStringLiteral("Lunch"), 99) << QStringLiteral("not_found.practitioner");
        QTest::newRow("unknown room") << blockout(noon, one, QStringLiteral("Lunch"), std::nullopt, 99)
                                      << QStringLiteral("not_found.room");
        QTest::newRow("stops before it starts") << weekly << QStringLiteral("input.repeat_until");
        QTest::newRow("weekly, longer than a week") << longWeekly << QStringLiteral("input.end");
    }

    void refusals()
    {
        QFETCH(Blockout, candidate);
        QFETCH(QString, refusal);
        auto added = BlockoutRepository(m_temp->database(), m_clock).add(candidate);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code(), refusal);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM blockout")).toInt(), 0);
    }

    void addFindRemoveAreAudited()
    {
        BlockoutRepository repo(m_temp->database(), m_clock);
        auto added = repo.add(
            blockout(newYorkAt(QDate(2026, 12, 24), 8), newYorkAt(QDate(2026, 12, 27), 0), QStringLiteral("Holiday")));
        QVERIFY(added.ok());
        auto found = repo.find(added.value());
        QVERIFY(found.ok());
        QCOMPARE(found.value().reason, QStringLiteral("Holiday"));
        QVERIFY(found.value().isClinicWide());
        QCOMPARE(found.value().createdAt, m_clock.now().toSecsSinceEpoch());
        QVERIFY(repo.remove(added.value()).ok());
        QCOMPARE(repo.find(added.value()).error().code(), QStringLiteral("not_found.blockout"));
        QCOMPARE(repo.remove(added.value()).error().code(), QStringLiteral("not_found.blockout"));
        QCOMPARE(m_temp
                     ->scalar(
                         QStringLiteral("SELECT group_concat(action, ',') FROM audit_log WHERE entity = 'blockout'"))
                     .toString(),
                 QStringLiteral("create,delete"));
    }

    // A weekly lunch stays at 12:00 local when New York falls back on 2026-11-01.
    void weeklyRepeatsKeepTheirLocalTime()
    {
        BlockoutRepository repo(m_temp->database(), m_clock);
        Blockout lunch = blockout(newYorkAt(QDate(2026, 10, 26), 12), newYorkAt(QDate(2026, 10, 26), 13),
                                  QStringLiteral("Lunch"), 1);
        lunch.weekly = true;
        lunch.repeatUntil = QDate(2026, 11, 16);
        QVERIFY(repo.add(lunch).ok());
        const ClinicTime time{QTimeZone("America/New_York")};
        auto occurrences = repo.occurrences(time.daysRange(QDate(2026, 10, 1), 92), time);
        QVERIFY(occurrences.ok());
        QCOMPARE(localTimes(occurrences.value(), "America/New_York"),
                 (QStringList{QStringLiteral("2026-10-26 12:00–13:00"), QStringLiteral("2026-11-02 12:00–13:00"),
                              QStringLiteral("2026-11-09 12:00–13:00"), QStringLiteral("2026-11-16 12:00–13:00")}));
        QCOMPARE(occurrences.value().at(1).startsAt - occurrences.value().at(0).startsAt, qint64(7 * 86400 + 3600));
        QCOMPARE(occurrences.value().first().practitionerId, std::optional<qint64>(1));

        // A range in the middle finds only what overlaps it, including an occurrence that began before it.
        const ClinicTime::Range middle{newYorkAt(QDate(2026, 11, 9), 12, 30), newYorkAt(QDate(2026, 11, 9), 12, 45)};
        QCOMPARE(repo.occurrences(middle, time).value().size(), 1);
        QCOMPARE(repo.list(middle, time).value().size(), 1);
        // After repeat_until there is nothing.
        QCOMPARE(repo.occurrences(time.daysRange(QDate(2026, 11, 17), 30), time).value().size(), 0);
        QCOMPARE(repo.list(time.daysRange(QDate(2026, 11, 17), 30), time).value().size(), 0);
    }

    // The settings page lists what is not over yet, and everything on demand.
    void allListsCurrentBlockoutsAndThePastOnDemand()
    {
        BlockoutRepository repo(m_temp->database(), m_clock);
        const ClinicTime time{QTimeZone("America/New_York")};
        const qint64 now = newYorkAt(QDate(2026, 11, 26), 9);
        const qint64 past = repo.add(blockout(newYorkAt(QDate(2026, 11, 2), 8), newYorkAt(QDate(2026, 11, 2), 12),
                                              QStringLiteral("Training")))
                                .value();
        Blockout ended = blockout(newYorkAt(QDate(2026, 10, 5), 12), newYorkAt(QDate(2026, 10, 5), 13));
        ended.weekly = true;
        ended.repeatUntil = QDate(2026, 11, 25);
        const qint64 endedId = repo.add(ended).value();
        Blockout lunch = ended;
        lunch.repeatUntil = QDate();
        lunch.practitionerId = 1;
        const qint64 lunchId = repo.add(lunch).value();
        const qint64 holiday = repo.add(blockout(newYorkAt(QDate(2026, 12, 24), 0), newYorkAt(QDate(2026, 12, 27), 0),
                                                 QStringLiteral("Holiday")))
                                   .value();
        // Running now: not over.
        const qint64 running = repo.add(blockout(newYorkAt(QDate(2026, 11, 26), 8), newYorkAt(QDate(2026, 11, 26), 10),
                                                 QStringLiteral("Drill")))
                                   .value();

        auto ids = [](const QList<Blockout> &blockouts) {
            QList<qint64> result;
            for (const Blockout &b : blockouts)
                result.append(b.id);
            return result;
        };
        QCOMPARE(ids(repo.all(now, time).value()), (QList<qint64>{lunchId, running, holiday}));
        QCOMPARE(ids(repo.all(now, time, true).value()), (QList<qint64>{endedId, lunchId, past, running, holiday}));
    }

    void weeklyRepeatsOnDaylightSavingSundays_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("London spring forward: only the part that exists")
            << QByteArray("Europe/London") << QDate(2026, 3, 22)
            << QStringList{QStringLiteral("2026-03-22 01:30–02:30"), QStringLiteral("2026-03-29 02:00–02:30"),
                           QStringLiteral("2026-04-05 01:30–02:30")};
        QTest::newRow("London fall back: first readings")
            << QByteArray("Europe/London") << QDate(2026, 10, 18)
            << QStringList{QStringLiteral("2026-10-18 01:30–02:30"), QStringLiteral("2026-10-25 01:30–02:30"),
                           QStringLiteral("2026-11-01 01:30–02:30")};
        QTest::newRow("New York fall back: first readings")
            << QByteArray("America/New_York") << QDate(2026, 10, 25)
            << QStringList{QStringLiteral("2026-10-25 01:30–02:30"), QStringLiteral("2026-11-01 01:30–02:30"),
                           QStringLiteral("2026-11-08 01:30–02:30")};
    }

    void weeklyRepeatsOnDaylightSavingSundays()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, first);
        QFETCH(QStringList, expected);
        const ClinicTime time{QTimeZone(zone)};
        Blockout night =
            blockout(time.toUtc(first, 90).value(), time.toUtc(first, 150).value(), QStringLiteral("Backup"));
        night.weekly = true;
        night.id = 7;
        const auto occurrences = BlockoutRepository::expand(night, time.daysRange(first, 15), time);
        QCOMPARE(localTimes(occurrences, zone), expected);
        for (const BlockoutOccurrence &o : occurrences)
            QCOMPARE(o.blockoutId, qint64(7));
    }

    void bookingInsideABlockoutIsRefusedWithItsReason()
    {
        BlockoutRepository blockouts(m_temp->database(), m_clock);
        Blockout training = blockout(newYorkAt(QDate(2026, 11, 30), 9), newYorkAt(QDate(2026, 11, 30), 10),
                                     QStringLiteral("Laser training"), 2);
        QVERIFY(blockouts.add(training).ok());
        Blockout maintenance = blockout(newYorkAt(QDate(2026, 11, 30), 8), newYorkAt(QDate(2026, 11, 30), 12),
                                        QStringLiteral("New floor"), std::nullopt, 1);
        QVERIFY(blockouts.add(maintenance).ok());

        BookingService appointments(m_temp->database(), m_clock);
        BookingRequest request = test::bookingRequest(1, 2, 2, newYorkAt(QDate(2026, 11, 30), 9, 30));
        auto refused = appointments.book(request);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.blockout"));
        QVERIFY2(refused.error().message().contains(QLatin1String("Laser training")),
                 qPrintable(refused.error().message()));
        request.startsAt = newYorkAt(QDate(2026, 11, 30), 10); // the edge: fine
        QVERIFY(appointments.book(request).ok());

        // Room 1 is blocked all morning: a treatment goes to room 2; asked for room 1, it is refused.
        request.patientId = 2;
        request.typeId = 1;
        request.startsAt = newYorkAt(QDate(2026, 11, 30), 11);
        auto booked = appointments.preview(request);
        QVERIFY(booked.ok());
        QCOMPARE(booked.value().roomId, std::optional<qint64>(2));
        request.roomId = 1;
        QVERIFY(appointments.preview(request).error().message().contains(QLatin1String("New floor")));
    }
};

QTEST_GUILESS_MAIN(TestBlockoutRepository)
#include "tst_blockoutrepository.moc"
