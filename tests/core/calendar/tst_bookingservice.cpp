#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/AppointmentRepository.h"
#include "calendar/AppointmentStatusRules.h"
#include "calendar/BookingService.h"
#include "common/ErrorCode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

namespace {
const QDate monday(2026, 11, 30);
const QDate tuesday(2026, 12, 1);
} // namespace

Q_DECLARE_METATYPE(dermdesk::ErrorCode)

// BookingService without a widget: bookings, moves, courses and status steps judged once and written together,
// the shared all-or-nothing loop, and the typed codes a desk branches on. "Now" is Thursday 2026-11-26 09:00 in
// New York; patients 1, 2 and 4 answered the screening the day before, patient 5 never did.
class TestBookingService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    std::unique_ptr<BookingService> m_service;

    qint64 count(const QString &sql) { return m_temp->scalar(sql).toLongLong(); }

    // Rows a refusal must leave as they were.
    struct Footprint
    {
        qint64 appointments = 0;
        qint64 history = 0;
        qint64 audit = 0;
        friend bool operator==(const Footprint &, const Footprint &) = default;
    };
    Footprint footprint()
    {
        return {count(QStringLiteral("SELECT count(*) FROM appointment")),
                count(QStringLiteral("SELECT count(*) FROM appointment_status_change")),
                count(QStringLiteral("SELECT count(*) FROM audit_log"))};
    }

    qint64 book(qint64 patient, qint64 practitioner, qint64 type, qint64 start,
                std::optional<qint64> room = std::nullopt)
    {
        auto booked = m_service->book(test::bookingRequest(patient, practitioner, type, start, room));
        if (!booked) {
            qWarning("book: %s", qPrintable(booked.error().message()));
            return 0;
        }
        return booked.value().id;
    }

    QList<QJsonObject> audits(const QString &action)
    {
        QSqlQuery query(m_temp->database().connection());
        query.prepare(QStringLiteral("SELECT details FROM audit_log WHERE action = ? ORDER BY id"));
        query.addBindValue(action);
        QList<QJsonObject> found;
        if (query.exec()) {
            while (query.next())
                found.append(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
        }
        return found;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow));
        QVERIFY(
            test::runAll(m_temp->database(),
                         {QStringLiteral("INSERT INTO patient (id, given_name, family_name, birth_date, created_at, "
                                         "updated_at) VALUES (5, 'Una', 'Never', '1990-01-01', 0, 0)")}));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
        m_service = std::make_unique<BookingService>(m_temp->database(), m_clock);
    }

    void cleanup()
    {
        m_service.reset();
        m_temp.reset();
    }

    void everyRefusalCarriesItsTypedCode_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<ErrorCode>("expected");
        QTest::newRow("practitioner busy") << QStringLiteral("overlap") << ErrorCode::OverlapPractitioner;
        QTest::newRow("screening caution") << QStringLiteral("caution") << ErrorCode::ScreeningCaution;
        QTest::newRow("start in the past") << QStringLiteral("past") << ErrorCode::InputStartPast;
        QTest::newRow("no such step") << QStringLiteral("transition") << ErrorCode::StatusTransition;
        QTest::newRow("no-show before the start") << QStringLiteral("early") << ErrorCode::StatusTooEarly;
        QTest::newRow("moving a cancelled visit") << QStringLiteral("final") << ErrorCode::StatusFinal;
        QTest::newRow("undo after another desk") << QStringLiteral("changed") << ErrorCode::StatusChanged;
    }

    void everyRefusalCarriesItsTypedCode()
    {
        QFETCH(QString, scenario);
        QFETCH(ErrorCode, expected);
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        QVERIFY(id);
        const Footprint before = footprint();

        std::optional<Error> refusal;
        const auto keep = [&](const auto &result) {
            if (!result)
                refusal = result.error();
        };
        RescheduleRequest later;
        later.startsAt = newYorkAt(monday, 14);
        if (scenario == QLatin1String("overlap")) {
            keep(m_service->book(test::bookingRequest(2, 1, 2, newYorkAt(monday, 10, 30))));
        } else if (scenario == QLatin1String("caution")) {
            keep(m_service->book(test::bookingRequest(5, 1, 1, newYorkAt(tuesday, 9))));
        } else if (scenario == QLatin1String("past")) {
            keep(m_service->book(test::bookingRequest(2, 2, 2, newYorkAt(QDate(2026, 11, 25), 10))));
        } else if (scenario == QLatin1String("transition")) {
            keep(m_service->changeStatus(id, AppointmentStatus::Completed));
        } else if (scenario == QLatin1String("early")) {
            keep(m_service->changeStatus(id, AppointmentStatus::NoShow));
        } else if (scenario == QLatin1String("final")) {
            QVERIFY(m_service->cancel(id, {CancelCategory::Illness, {}}));
            keep(m_service->reschedule(id, later));
        } else if (scenario == QLatin1String("changed")) {
            keep(m_service->revertStatus(id, AppointmentStatus::Confirmed, AppointmentStatus::Booked));
        }
        QVERIFY(refusal);
        QVERIFY2(error_code::is(*refusal, expected), qPrintable(refusal->code()));
        QCOMPARE(error_code::of(*refusal), expected);
        // The stable text stays what the command line prints and scripts read.
        QCOMPARE(refusal->code(), error_code::text(expected));
        QVERIFY(!refusal->message().isEmpty());
        if (scenario != QLatin1String("final"))
            QVERIFY(footprint() == before);
    }

    void errorsMadeFromTheirTextAreTypedToo()
    {
        // A refusal rebuilt with its text (e.g. "Session 2 of 6: ..." around it) keeps its type.
        const Error wrapped(ErrorKind::Rule, QStringLiteral("rule.overlap.room"), QStringLiteral("Session 2 of 6: x"),
                            QStringLiteral("overlap.room"));
        QVERIFY(error_code::is(wrapped, ErrorCode::OverlapRoom));
        QVERIFY(!error_code::is(wrapped, ErrorCode::OverlapPractitioner));
        const Error other = Error::invalidInput(QStringLiteral("given_name"), QStringLiteral("Say the name."));
        QCOMPARE(error_code::of(other), ErrorCode::Unlisted);
        QVERIFY(!error_code::is(other, ErrorCode::Unlisted));
        QCOMPARE(error_code::fromText(QStringLiteral("rule.screening.caution")), ErrorCode::ScreeningCaution);
    }

    void bookAllStoresEveryRequestOrNone()
    {
        const Footprint before = footprint();
        // The third overlaps the first for Dr. Hiers: checked against the ones before it in the same batch.
        const QList<BookingRequest> requests{test::bookingRequest(1, 1, 2, newYorkAt(monday, 9)),
                                             test::bookingRequest(2, 2, 2, newYorkAt(monday, 9)),
                                             test::bookingRequest(4, 1, 2, newYorkAt(monday, 9, 15))};
        qsizetype failed = -2;
        bool alsoWriteRan = false;
        auto refused = m_service->bookAll(
            requests,
            [&](const QList<Appointment> &) {
                alsoWriteRan = true;
                return Status();
            },
            &failed);
        QVERIFY(!refused);
        QVERIFY(error_code::is(refused.error(), ErrorCode::OverlapPractitioner));
        QCOMPARE(failed, qsizetype(2));
        QVERIFY(!alsoWriteRan);
        QVERIFY(footprint() == before);

        QList<BookingRequest> fitting = requests;
        fitting[2].startsAt = newYorkAt(monday, 9, 30);
        QList<qint64> seen;
        auto booked = m_service->bookAll(
            fitting,
            [&](const QList<Appointment> &appointments) {
                for (const Appointment &a : appointments)
                    seen.append(a.id);
                return Status();
            },
            &failed);
        QVERIFY2(booked, booked ? "" : qPrintable(booked.error().message()));
        QCOMPARE(failed, qsizetype(-1));
        QCOMPARE(booked.value().size(), 3);
        QCOMPARE(seen.size(), 3);
        QCOMPARE(footprint().appointments, before.appointments + 3);
        QCOMPARE(footprint().history, before.history + 3);
        QCOMPARE(audits(QStringLiteral("create")).size(), 3);
    }

    // The manager lengthens a treatment at another desk after this desk last read the set-up: the next booking into a
    // given room is stored at the new length, not refused and not at the old one.
    void aTypeLengthenedElsewhereIsBookedAtItsNewLength()
    {
        const qint64 first = book(1, 1, 1, newYorkAt(monday, 9), 1);
        QVERIFY(first);
        QVERIFY(test::runAll(m_temp->database(),
                             {QStringLiteral("UPDATE appointment_type SET duration_min = 90 WHERE id = 1")}));
        const qint64 start = newYorkAt(tuesday, 9);
        const qint64 second = book(2, 1, 1, start, 1);
        QVERIFY(second);
        const Appointment stored = AppointmentRepository(m_temp->database()).find(second).value();
        QCOMPARE(stored.endsAt - stored.startsAt, qint64(90 * 60));
        QCOMPARE(stored.roomId, std::optional<qint64>(1));
        // And the longer time is what the next booking in that room meets.
        auto meeting = m_service->book(test::bookingRequest(4, 2, 1, start + 85 * 60, 1));
        QVERIFY(!meeting);
        QVERIFY(error_code::is(meeting.error(), ErrorCode::OverlapRoom));
    }

    void aFailingAlsoWriteTakesTheWholeCourseBack()
    {
        const Footprint before = footprint();
        // A course of four weekly sessions for patient 1 with Dr. Hiers.
        QList<BookingRequest> course;
        for (int week = 0; week < 4; ++week)
            course.append(test::bookingRequest(1, 1, 1, newYorkAt(monday.addDays(7 * week), 10)));
        qsizetype failed = -2;
        auto refused = m_service->bookAll(
            course, [](const QList<Appointment> &) { return Status(Error::storage(QStringLiteral("test"), {})); },
            &failed);
        QVERIFY(!refused);
        QCOMPARE(failed, qsizetype(-1));
        QVERIFY(footprint() == before);

        auto booked = m_service->bookAll(course);
        QVERIFY2(booked, booked ? "" : qPrintable(booked.error().message()));
        QCOMPARE(booked.value().size(), 4);
        for (int week = 0; week < 4; ++week) {
            QCOMPARE(booked.value().at(week).startsAt, newYorkAt(monday.addDays(7 * week), 10));
            QCOMPARE(booked.value().at(week).roomId, std::optional<qint64>(1));
        }
    }

    void rescheduleAllMovesEveryAppointmentOrNone()
    {
        const qint64 first = book(1, 1, 2, newYorkAt(monday, 9));
        const qint64 second = book(2, 1, 2, newYorkAt(monday, 10));
        QVERIFY(first && second);
        const Footprint before = footprint();

        RescheduleRequest toEleven;
        toEleven.startsAt = newYorkAt(monday, 11);
        RescheduleRequest ontoEleven = toEleven; // the second onto the first's new time: refused
        qsizetype failed = -2;
        auto refused = m_service->rescheduleAll({{first, toEleven}, {second, ontoEleven}}, {}, &failed);
        QVERIFY(!refused);
        QVERIFY(error_code::is(refused.error(), ErrorCode::OverlapPractitioner));
        QCOMPARE(failed, qsizetype(1));
        QCOMPARE(m_service->appointments().find(first).value().startsAt, newYorkAt(monday, 9));
        QVERIFY(footprint() == before);

        RescheduleRequest toNoon;
        toNoon.startsAt = newYorkAt(monday, 11, 30);
        auto moved = m_service->rescheduleAll({{first, toEleven}, {second, toNoon}});
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message()));
        QCOMPARE(moved.value().size(), 2);
        // Each move gives its old time back for the waitlist.
        QVERIFY(moved.value().at(0).freed);
        QCOMPARE(moved.value().at(0).freed->startsAt, newYorkAt(monday, 9));
        QCOMPARE(m_service->appointments().find(second).value().startsAt, newYorkAt(monday, 11, 30));
        QCOMPARE(audits(QStringLiteral("reschedule")).size(), 2);
    }

    void aCautionIsAcknowledgedOnceWithTheRulesItAnswers()
    {
        BookingRequest request = test::bookingRequest(5, 1, 1, newYorkAt(tuesday, 9));
        request.acknowledgement = QStringLiteral("  Screening done on paper at check-in  ");
        auto booked = m_service->book(request);
        QVERIFY2(booked, booked ? "" : qPrintable(booked.error().message()));
        auto acknowledged = audits(QStringLiteral("screening.acknowledged"));
        QCOMPARE(acknowledged.size(), 1);
        QCOMPARE(acknowledged.first().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Screening done on paper at check-in"));
        QCOMPARE(acknowledged.first().value(QStringLiteral("date")).toString(), QStringLiteral("2026-12-01"));
        QVERIFY(!acknowledged.first().value(QStringLiteral("rules")).toArray().isEmpty());

        // Later the same day: the booking's acknowledgement covers it.
        RescheduleRequest sameDay;
        sameDay.startsAt = newYorkAt(tuesday, 14);
        QVERIFY(m_service->reschedule(booked.value().id, sameDay));
        QCOMPARE(audits(QStringLiteral("screening.acknowledged")).size(), 1);

        // Another day asks again, as a typed caution, and is audited once answered.
        RescheduleRequest otherDay;
        otherDay.startsAt = newYorkAt(tuesday.addDays(1), 9);
        auto refused = m_service->reschedule(booked.value().id, otherDay);
        QVERIFY(!refused);
        QVERIFY(error_code::is(refused.error(), ErrorCode::ScreeningCaution));
        otherDay.acknowledgement = QStringLiteral("Still on paper");
        QVERIFY(m_service->reschedule(booked.value().id, otherDay));
        QCOMPARE(audits(QStringLiteral("screening.acknowledged")).size(), 2);
    }

    void statusStepsWriteOneHistoryRowAndOneAuditRow()
    {
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        const Footprint before = footprint();
        auto confirmed = m_service->changeStatus(id, AppointmentStatus::Confirmed, QStringLiteral("Phoned"));
        QVERIFY(confirmed);
        QVERIFY(!confirmed.value().freed); // still holds its slot
        QCOMPARE(footprint().history, before.history + 1);
        QCOMPARE(footprint().audit, before.audit + 1);
        QCOMPARE(audits(QStringLiteral("status")).last().value(QStringLiteral("note")).toString(),
                 QStringLiteral("Phoned"));

        auto cancelled = m_service->cancel(id, {CancelCategory::Illness, QStringLiteral("fever")});
        QVERIFY(cancelled);
        QVERIFY(cancelled.value().freed);
        QCOMPARE(cancelled.value().freed->startsAt, newYorkAt(monday, 10));
        QCOMPARE(cancelled.value().appointment.cancelCategory, std::optional(CancelCategory::Illness));
        QCOMPARE(m_service->appointments().history(id).value().last().to, AppointmentStatus::Cancelled);
    }

    void undoIntoATakenSlotIsRefusedByTheBookingRules()
    {
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        QVERIFY(m_service->cancel(id, {CancelCategory::Illness, {}}));
        QVERIFY(book(2, 1, 2, newYorkAt(monday, 10, 30)));
        const Footprint before = footprint();
        auto undone = m_service->revertStatus(id, AppointmentStatus::Cancelled, AppointmentStatus::Booked);
        QVERIFY(!undone);
        QVERIFY(error_code::is(undone.error(), ErrorCode::OverlapPractitioner));
        QVERIFY(undone.error().message().contains(QStringLiteral("cannot be restored")));
        QVERIFY(footprint() == before);
        QCOMPARE(m_service->appointments().find(id).value().status, AppointmentStatus::Cancelled);
    }

    void theRepositoryWritesRowsWithoutJudgingThem()
    {
        // A Sunday visit in the past: the service would refuse it twice; the repository only stores rows.
        Appointment row;
        row.patientId = 3; // archived
        row.practitionerId = 1;
        row.typeId = 2;
        row.startsAt = newYorkAt(QDate(2026, 11, 22), 10);
        row.endsAt = row.startsAt + 1800;
        row.createdAt = row.updatedAt = m_clock.now().toSecsSinceEpoch();
        AppointmentRepository repository(m_temp->database(), m_clock);
        auto stored = repository.insert(row);
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message()));
        QCOMPARE(repository.find(stored.value().id).value().startsAt, row.startsAt);
        QCOMPARE(repository.history(stored.value().id).value().size(), 1);
        QCOMPARE(audits(QStringLiteral("create")).size(), 1);
    }

    void onlyCancelledAndNoShowFreeTheSlot()
    {
        for (AppointmentStatus status : appointment_status::all()) {
            const bool frees = status == AppointmentStatus::Cancelled || status == AppointmentStatus::NoShow;
            QCOMPARE(appointment_status::holdsSlot(status), !frees);
        }
        QCOMPARE(appointment_status::slotFreeingSqlList(), QStringLiteral("'cancelled', 'no_show'"));
    }
};

QTEST_GUILESS_MAIN(TestBookingService)
#include "tst_bookingservice.moc"
