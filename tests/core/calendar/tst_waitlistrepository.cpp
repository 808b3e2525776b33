#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BookingService.h"
#include "calendar/WaitlistRepository.h"

#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

namespace {
const QDate monday(2026, 11, 30);
} // namespace

// Patients waiting for an earlier slot: validation, list life cycle, and who is offered a freed
// slot, best first. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestWaitlistRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    static WaitlistEntry entry(qint64 patient, qint64 type, std::optional<qint64> practitioner = std::nullopt,
                               QDate earliest = QDate(2026, 11, 27), QDate latest = QDate(2026, 12, 10))
    {
        WaitlistEntry e;
        e.patientId = patient;
        e.typeId = type;
        e.practitionerId = practitioner;
        e.earliestDate = earliest;
        e.latestDate = latest;
        return e;
    }

    qint64 add(const WaitlistEntry &e)
    {
        m_clock.advanceSecs(60); // later requests come later
        auto added = WaitlistRepository(m_temp->database(), m_clock).add(e);
        if (!added) {
            qWarning("add: %s", qPrintable(added.error().message()));
            return 0;
        }
        return added.value();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow));
        QVERIFY(
            test::runAll(m_temp->database(),
                         {QStringLiteral("INSERT INTO patient (id, given_name, family_name, created_at, updated_at) "
                                         "VALUES (5, 'Eve', 'Five', 0, 0), (6, 'Sam', 'Six', 0, 0), "
                                         "(7, 'Lee', 'Seven', 0, 0), (8, 'Kim', 'Eight', 0, 0), "
                                         "(9, 'Noa', 'Nine', 0, 0)")}));
        QVERIFY(test::screenAsClear(*m_temp, {5, 6, 7, 8, 9}, test::dayBeforeTestNow));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
    }

    void cleanup() { m_temp.reset(); }

    void refusals_data()
    {
        QTest::addColumn<WaitlistEntry>("candidate");
        QTest::addColumn<QString>("refusal");
        WaitlistEntry noStart = entry(1, 1);
        noStart.earliestDate = QDate();
        WaitlistEntry weekday = entry(1, 1);
        weekday.weekdays = {0};
        WaitlistEntry window = entry(1, 1);
        window.earliestMinute = 600;
        window.latestMinute = 600;
        QTest::newRow("no earliest date") << noStart << QStringLiteral("input.earliest_date");
        QTest::newRow("latest before earliest") << entry(1, 1, std::nullopt, QDate(2026, 12, 10), QDate(2026, 12, 1))
                                                << QStringLiteral("input.latest_date");
        QTest::newRow("weekday 0") << weekday << QStringLiteral("input.weekdays");
        QTest::newRow("empty time of day") << window << QStringLiteral("input.time_of_day");
        QTest::newRow("unknown patient") << entry(99, 1) << QStringLiteral("not_found.patient");
        QTest::newRow("archived patient") << entry(3, 1) << QStringLiteral("rule.patient.archived");
        QTest::newRow("unknown type") << entry(1, 99) << QStringLiteral("not_found.appointment_type");
        QTest::newRow("unknown practitioner") << entry(1, 1, 99) << QStringLiteral("not_found.practitioner");
        QTest::newRow("practitioner does not perform it") << entry(1, 3, 2) << QStringLiteral("rule.practitioner.type");
    }

    void refusals()
    {
        QFETCH(WaitlistEntry, candidate);
        QFETCH(QString, refusal);
        auto added = WaitlistRepository(m_temp->database(), m_clock).add(candidate);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code(), refusal);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM waitlist_entry")).toInt(), 0);
    }

    void lifeCycle()
    {
        WaitlistRepository repo(m_temp->database(), m_clock);
        WaitlistEntry mornings = entry(1, 1, 1);
        mornings.weekdays = {1, 3};
        mornings.earliestMinute = 540;
        mornings.latestMinute = 720;
        mornings.notes = QStringLiteral("Mornings only");
        const qint64 first = add(mornings);
        const qint64 second = add(entry(2, 2));
        QVERIFY(first && second);

        const WaitlistEntry stored = repo.find(first).value();
        QCOMPARE(stored.weekdays, (QList<int>{1, 3}));
        QCOMPARE(stored.earliestMinute, 540);
        QCOMPARE(stored.latestMinute, 720);
        QCOMPARE(stored.practitionerId, std::optional<qint64>(1));
        QCOMPARE(stored.notes, QStringLiteral("Mornings only"));
        QCOMPARE(stored.status, WaitlistEntry::Status::Active);
        QCOMPARE(repo.find(second).value().latestMinute, 24 * 60);

        QCOMPARE(repo.remove(first, QString()).error().code(), QStringLiteral("input.reason"));
        QVERIFY(repo.remove(first, QStringLiteral("Booked elsewhere")).ok());
        QCOMPARE(repo.remove(first, QStringLiteral("again")).error().code(),
                 QStringLiteral("rule.waitlist.not_active"));
        QCOMPARE(repo.find(first).value().statusReason, QStringLiteral("Booked elsewhere"));

        BookingRequest request = test::bookingRequest(1, 1, 2, newYorkAt(monday, 9));
        const qint64 othersAppointment = BookingService(m_temp->database(), m_clock).book(request).value().id;
        QCOMPARE(repo.markBooked(second, othersAppointment).error().code(), QStringLiteral("rule.waitlist.patient"));
        QCOMPARE(repo.markBooked(second, 999).error().code(), QStringLiteral("not_found.appointment"));
        request.patientId = 2;
        request.startsAt = newYorkAt(monday, 9, 30);
        const qint64 own = BookingService(m_temp->database(), m_clock).book(request).value().id;
        QVERIFY(repo.markBooked(second, own).ok());
        QCOMPARE(repo.find(second).value().appointmentId, std::optional<qint64>(own));

        QCOMPARE(repo.list().value().size(), 0);
        const auto all = repo.list(false).value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().id, first);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'waitlist_entry'"))
                     .toInt(),
                 4);
    }

    // Scenario 5: session 2 is cancelled (illness) and the freed slot goes to the waitlist.
    void aFreedSlotIsOfferedBestFirst()
    {
        BookingService appointments(m_temp->database(), m_clock);
        BookingRequest request = test::bookingRequest(1, 1, 1, newYorkAt(monday, 10), 1);
        const qint64 session = appointments.book(request).value().id;
        // Patient 8 is busy 10:00–11:00 with Nurse Ana; from 11:00 a treatment would run past Dr. Hiers' shift.
        request.patientId = 8;
        request.practitionerId = 2;
        request.roomId = 2;
        QVERIFY(appointments.book(request).ok());

        WaitlistEntry lateMorning = entry(9, 2);
        lateMorning.earliestMinute = 10 * 60 + 30;
        lateMorning.latestMinute = 12 * 60;
        WaitlistEntry tuesdays = entry(7, 1);
        tuesdays.weekdays = {2};
        WaitlistEntry afternoons = entry(7, 1);
        afternoons.earliestMinute = 13 * 60;

        const qint64 anyone = add(entry(5, 1));                                  // matches
        const qint64 withHiers = add(entry(6, 1, 1));                            // matches, asked for her
        add(entry(7, 1, 2));                                                     // other practitioner
        add(entry(7, 1, std::nullopt, QDate(2026, 12, 5), QDate(2026, 12, 20))); // dates
        add(tuesdays);                                                           // weekday
        add(afternoons);                                                         // time of day
        add(entry(8, 1));                                                        // patient busy
        const qint64 consultation = add(entry(7, 2));                            // shorter type fits
        const qint64 later = add(lateMorning);                                   // fits from 10:30
        const qint64 body = add(entry(7, 3));                                    // 90 min + 15 fits before 12:00
        QVERIFY(anyone && withHiers && consultation && later && body);

        auto cancelled = appointments.cancel(session, {CancelCategory::Illness, {}});
        QVERIFY(cancelled.ok());
        QVERIFY(cancelled.value().freed.has_value());
        auto offers = WaitlistRepository(m_temp->database(), m_clock).offersFor(*cancelled.value().freed);
        QVERIFY(offers.ok());
        QList<qint64> ids;
        for (const auto &offer : offers.value())
            ids << offer.entry.id;
        QCOMPARE(ids, (QList<qint64>{withHiers, anyone, consultation, later, body}));
        const Appointment &proposal = offers.value().first().proposal;
        QCOMPARE(proposal.patientId, qint64(6));
        QCOMPARE(proposal.practitionerId, qint64(1));
        QCOMPARE(proposal.roomId, std::optional<qint64>(1));
        QCOMPARE(proposal.startsAt, newYorkAt(monday, 10));
        QCOMPARE(offers.value().at(3).proposal.startsAt, newYorkAt(monday, 10, 30));

        // The offer can be booked as it is, then the entry is marked booked.
        auto taken = appointments.book(test::bookingRequest(proposal.patientId, proposal.practitionerId,
                                                            proposal.typeId, proposal.startsAt, proposal.roomId));
        QVERIFY(taken.ok());
        QVERIFY(WaitlistRepository(m_temp->database(), m_clock).markBooked(withHiers, taken.value().id).ok());
        // Now that slot is gone: nobody else is offered 10:00 for a treatment.
        auto again = WaitlistRepository(m_temp->database(), m_clock).offersFor(*cancelled.value().freed);
        QVERIFY(again.ok());
        for (const auto &offer : again.value())
            QVERIFY(offer.entry.id != withHiers && offer.entry.typeId == 2);
    }

    void aSlotInThePastIsOfferedToNobody()
    {
        QVERIFY(add(entry(5, 2, std::nullopt, QDate(2026, 11, 1), QDate(2026, 12, 31))));
        FreedSlot past{1, 1, std::nullopt, newYorkAt(QDate(2026, 11, 25), 10), newYorkAt(QDate(2026, 11, 25), 11)};
        auto offers = WaitlistRepository(m_temp->database(), m_clock).offersFor(past);
        QVERIFY(offers.ok());
        QVERIFY(offers.value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWaitlistRepository)
#include "tst_waitlistrepository.moc"
