#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BookingService.h"
#include "patients/ScreeningRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <latch>
#include <thread>

using namespace dermdesk;
using test::newYorkAt;

namespace {
const QDate monday(2026, 11, 30);
const QDate sunday(2026, 11, 29);
} // namespace

// Booking, moving and changing appointments through the rules, with history and audit, as a
// receptionist would see them. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestAppointmentRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    std::unique_ptr<BookingService> m_repo;

    qint64 count(const QString &sql) { return m_temp->scalar(sql).toLongLong(); }

    qint64 book(qint64 patient, qint64 practitioner, qint64 type, qint64 start,
                std::optional<qint64> room = std::nullopt)
    {
        auto booked = m_repo->book(test::bookingRequest(patient, practitioner, type, start, room));
        if (!booked) {
            qWarning("book: %s", qPrintable(booked.error().message()));
            return 0;
        }
        return booked.value().id;
    }

    QJsonObject lastAudit(const QString &action)
    {
        QSqlQuery query(m_temp->database().connection());
        query.prepare(QStringLiteral("SELECT details FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1"));
        query.addBindValue(action);
        if (!query.exec() || !query.next())
            return {};
        return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
        m_repo = std::make_unique<BookingService>(m_temp->database(), m_clock);
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
    }

    void bookingFillsTheVisitFromTheTypeAndPicksARoom()
    {
        auto booked = m_repo->book(test::bookingRequest(1, 1, 3, newYorkAt(monday, 9)));
        QVERIFY2(booked.ok(), qPrintable(booked.ok() ? QString() : booked.error().message()));
        const Appointment &a = booked.value();
        QVERIFY(a.id > 0);
        QCOMPARE(a.roomId, std::optional<qint64>(1));
        QCOMPARE(a.endsAt - a.startsAt, qint64(90 * 60)); // 30 min numbing + 60 min treatment
        QCOMPARE(a.prepMin, 30);
        QCOMPARE(a.cleanupMin, 15);
        QCOMPARE(a.status, AppointmentStatus::Booked);

        auto stored = m_repo->appointments().find(a.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().startsAt, a.startsAt);
        QCOMPARE(stored.value().roomId, a.roomId);
        QCOMPARE(stored.value().notes, QString());

        auto history = m_repo->appointments().history(a.id);
        QVERIFY(history.ok());
        QCOMPARE(history.value().size(), 1);
        QVERIFY(!history.value().first().from.has_value());
        QCOMPARE(history.value().first().to, AppointmentStatus::Booked);
        QCOMPARE(history.value().first().at, m_clock.now().toSecsSinceEpoch());
        QVERIFY(!history.value().first().actor.isEmpty());
        QCOMPARE(lastAudit(QStringLiteral("create"))
                     .value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("room_id"))
                     .toInteger(),
                 1);
    }

    void aScreeningStopRefusesTreatmentSessionsOnTheDatesItCovers()
    {
        ScreeningAnswer isotretinoin;
        isotretinoin.questionId = 3;
        isotretinoin.yes = true;
        isotretinoin.eventDate = QDate(2026, 11, 2);
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {isotretinoin}));
        const qint64 before = m_temp->scalar(QStringLiteral("SELECT count(*) FROM appointment")).toLongLong();

        // Within the rule's look-back from the last dose, judged on the appointment's date.
        auto refused = m_repo->book(test::bookingRequest(4, 1, 1, newYorkAt(QDate(2026, 12, 1), 9)));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.screening.stop"));
        QVERIFY2(refused.error().message().contains(QStringLiteral("sotretinoin")),
                 qPrintable(refused.error().message()));
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM appointment")).toLongLong(), before);

        // A consultation is not a treatment session; a session after the window goes through.
        QVERIFY(m_repo->book(test::bookingRequest(4, 1, 2, newYorkAt(QDate(2026, 12, 1), 13))));
        // (By then today's screening is out of date, a caution the booking acknowledges.)
        BookingRequest afterWindow = test::bookingRequest(4, 1, 1, newYorkAt(QDate(2027, 6, 1), 9));
        afterWindow.acknowledgement = QStringLiteral("Screening to be renewed at check-in");
        auto later = m_repo->book(afterWindow);
        QVERIFY2(later, later ? "" : qPrintable(later.error().message()));

        // Moving that session back into the window is refused the same way.
        RescheduleRequest back;
        back.startsAt = newYorkAt(QDate(2026, 12, 2), 9);
        auto moved = m_repo->reschedule(later.value().id, back);
        QVERIFY(!moved);
        QCOMPARE(moved.error().code(), QStringLiteral("rule.screening.stop"));
    }

    void perAppointmentDurationsOverrideTheType()
    {
        BookingRequest r = test::bookingRequest(1, 1, 1, newYorkAt(monday, 9), 2);
        r.durationMin = 45;
        r.cleanupMin = 0;
        r.notes = QStringLiteral("Sensitive skin");
        auto booked = m_repo->book(r);
        QVERIFY(booked.ok());
        QCOMPARE(booked.value().visitMinutes(), 45);
        QCOMPARE(booked.value().cleanupMin, 0);
        QCOMPARE(m_repo->appointments().find(booked.value().id).value().notes, QStringLiteral("Sensitive skin"));
    }

    void refusalsNameTheFieldOrRuleAndWriteNothing_data()
    {
        QTest::addColumn<qint64>("patient");
        QTest::addColumn<qint64>("practitioner");
        QTest::addColumn<qint64>("type");
        QTest::addColumn<qint64>("room"); // 0: pick one
        QTest::addColumn<qint64>("start");
        QTest::addColumn<int>("duration"); // -1: the type's
        QTest::addColumn<QString>("refusal");
        QTest::addColumn<int>("exitCode");

        const qint64 nine = newYorkAt(monday, 9);
        QTest::newRow("unknown patient") << qint64(99) << qint64(1) << qint64(1) << qint64(0) << nine << -1
                                         << QStringLiteral("not_found.patient") << 4;
        QTest::newRow("archived patient") << qint64(3) << qint64(1) << qint64(1) << qint64(0) << nine << -1
                                          << QStringLiteral("rule.patient.archived") << 3;
        QTest::newRow("unknown practitioner") << qint64(1) << qint64(99) << qint64(1) << qint64(0) << nine << -1
                                              << QStringLiteral("not_found.practitioner") << 4;
        QTest::newRow("unknown type") << qint64(1) << qint64(1) << qint64(99) << qint64(0) << nine << -1
                                      << QStringLiteral("not_found.appointment_type") << 4;
        QTest::newRow("unknown room") << qint64(1) << qint64(1) << qint64(1) << qint64(99) << nine << -1
                                      << QStringLiteral("not_found.room") << 4;
        QTest::newRow("in the past") << qint64(1) << qint64(1) << qint64(1) << qint64(0)
                                     << newYorkAt(QDate(2026, 11, 25), 10) << -1 << QStringLiteral("input.start.past")
                                     << 2;
        QTest::newRow("zero minutes") << qint64(1) << qint64(1) << qint64(1) << qint64(0) << nine << 0
                                      << QStringLiteral("input.duration") << 2;
        QTest::newRow("over twelve hours") << qint64(1) << qint64(2) << qint64(1) << qint64(0) << newYorkAt(monday, 8)
                                           << 13 * 60 << QStringLiteral("input.duration") << 2;
        QTest::newRow("clinic closed") << qint64(1) << qint64(2) << qint64(1) << qint64(0) << newYorkAt(sunday, 10)
                                       << -1 << QStringLiteral("rule.hours.clinic") << 3;
        QTest::newRow("outside working hours")
            << qint64(1) << qint64(1) << qint64(1) << qint64(0) << newYorkAt(monday, 17) << -1
            << QStringLiteral("rule.hours.practitioner") << 3;
        QTest::newRow("inactive practitioner") << qint64(1) << qint64(3) << qint64(1) << qint64(0) << nine << -1
                                               << QStringLiteral("rule.practitioner.inactive") << 3;
        QTest::newRow("inactive room") << qint64(1) << qint64(1) << qint64(1) << qint64(3) << nine << -1
                                       << QStringLiteral("rule.room.inactive") << 3;
        QTest::newRow("does not perform") << qint64(1) << qint64(2) << qint64(3) << qint64(0) << nine << -1
                                          << QStringLiteral("rule.practitioner.type") << 3;
        QTest::newRow("room cannot host")
            << qint64(1) << qint64(1) << qint64(3) << qint64(2) << nine << -1 << QStringLiteral("rule.room.type") << 3;
        QTest::newRow("practitioner busy")
            << qint64(2) << qint64(1) << qint64(2) << qint64(0) << newYorkAt(monday, 10, 30) << -1
            << QStringLiteral("rule.overlap.practitioner") << 3;
        QTest::newRow("room busy") << qint64(2) << qint64(2) << qint64(1) << qint64(1) << newYorkAt(monday, 10, 30)
                                   << -1 << QStringLiteral("rule.overlap.room") << 3;
        QTest::newRow("patient busy") << qint64(1) << qint64(2) << qint64(2) << qint64(0) << newYorkAt(monday, 10, 30)
                                      << -1 << QStringLiteral("rule.overlap.patient") << 3;
    }

    void refusalsNameTheFieldOrRuleAndWriteNothing()
    {
        QFETCH(qint64, patient);
        QFETCH(qint64, practitioner);
        QFETCH(qint64, type);
        QFETCH(qint64, room);
        QFETCH(qint64, start);
        QFETCH(int, duration);
        QFETCH(QString, refusal);
        QFETCH(int, exitCode);

        QVERIFY(book(1, 1, 1, newYorkAt(monday, 10), 1)); // patient 1, Dr. Hiers, room 1, 10:00–11:00 + 10
        const qint64 appointments = count(QStringLiteral("SELECT count(*) FROM appointment"));
        const qint64 audits = count(QStringLiteral("SELECT count(*) FROM audit_log"));
        const qint64 changes = count(QStringLiteral("SELECT count(*) FROM appointment_status_change"));

        BookingRequest r =
            test::bookingRequest(patient, practitioner, type, start, room ? std::optional<qint64>(room) : std::nullopt);
        if (duration >= 0)
            r.durationMin = duration;
        auto checked = m_repo->preview(r);
        auto booked = m_repo->book(r);
        QVERIFY(!booked.ok());
        QCOMPARE(booked.error().code(), refusal);
        QCOMPARE(booked.error().exitCode(), exitCode);
        QVERIFY(!booked.error().message().isEmpty());
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code(), refusal);

        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), appointments);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), audits);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment_status_change")), changes);
    }

    void aPastVisitNeedsConfirmation()
    {
        BookingRequest r = test::bookingRequest(1, 2, 2, newYorkAt(QDate(2026, 11, 25), 10));
        QCOMPARE(m_repo->book(r).error().field(), QStringLiteral("start"));
        r.allowPast = true;
        QVERIFY(m_repo->book(r).ok());
    }

    void endBeforeStartNamesTheEnd()
    {
        BookingRequest r = test::bookingRequest(1, 1, 1, newYorkAt(monday, 10), 1);
        r.endsAt = newYorkAt(monday, 9);
        auto booked = m_repo->book(r);
        QCOMPARE(booked.error().code(), QStringLiteral("input.end"));
        QCOMPARE(booked.error().field(), QStringLiteral("end"));
    }

    void aTimeSkippedByTheClockChangeIsRefused()
    {
        const ClinicTime time(QTimeZone("America/New_York"));
        auto start = time.toUtc(QDate(2026, 3, 8), 2 * 60 + 30, QStringLiteral("start"));
        QVERIFY(!start.ok());
        QCOMPARE(start.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(start.error().field(), QStringLiteral("start"));
    }

    void backToBackIsFine()
    {
        QVERIFY(book(1, 1, 2, newYorkAt(monday, 9)));      // consultation 09:00–09:30, no cleanup
        QVERIFY(book(2, 1, 2, newYorkAt(monday, 9, 30)));  // right after
        QVERIFY(book(4, 1, 1, newYorkAt(monday, 10), 1));  // 10:00–11:00 + 10 min cleanup
        QVERIFY(book(2, 1, 2, newYorkAt(monday, 11, 10))); // after the cleanup
    }

    void aSecondPractitionerGetsTheNextFreeRoom()
    {
        QVERIFY(book(1, 1, 1, newYorkAt(monday, 10)));
        auto second = m_repo->book(test::bookingRequest(2, 2, 1, newYorkAt(monday, 10)));
        QVERIFY(second.ok());
        QCOMPARE(second.value().roomId, std::optional<qint64>(2));
        auto third = m_repo->book(test::bookingRequest(4, 1, 2, newYorkAt(monday, 11, 10)));
        QVERIFY(third.ok());
        QVERIFY(!third.value().roomId.has_value()); // a consultation needs no room
    }

    void cancelledAndNoShowFreeTheSlot()
    {
        const qint64 first = book(1, 1, 1, newYorkAt(monday, 10), 1);
        QVERIFY(m_repo->cancel(first, {CancelCategory::Illness, {}}).ok());
        const qint64 second = book(2, 1, 1, newYorkAt(monday, 10), 1);
        QVERIFY(second);
        m_clock.set(QDateTime(QDate(2026, 11, 30), QTime(15, 30), Qt::UTC)); // Monday 10:30 in New York
        QVERIFY(m_repo->changeStatus(second, AppointmentStatus::NoShow).ok());
        BookingRequest late = test::bookingRequest(4, 1, 2, newYorkAt(monday, 10, 30));
        QVERIFY(m_repo->book(late).ok());
    }

    void rescheduleKeepsTheAppointmentAndAuditsBeforeAndAfter()
    {
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        QVERIFY(m_repo->changeStatus(id, AppointmentStatus::Confirmed).ok());
        RescheduleRequest move;
        move.startsAt = newYorkAt(monday, 14);
        auto moved = m_repo->reschedule(id, move);
        QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message()));
        QCOMPARE(moved.value().appointment.id, id);
        QCOMPARE(moved.value().appointment.status, AppointmentStatus::Confirmed);
        QCOMPARE(moved.value().appointment.endsAt - moved.value().appointment.startsAt, qint64(3600));
        QVERIFY(moved.value().freed.has_value());
        QCOMPARE(moved.value().freed->startsAt, newYorkAt(monday, 10));
        QCOMPARE(moved.value().freed->endsAt, newYorkAt(monday, 11, 10)); // cleanup included
        QCOMPARE(moved.value().freed->practitionerId, qint64(1));

        const auto stored = m_repo->appointments().find(id).value();
        QCOMPARE(stored.startsAt, newYorkAt(monday, 14));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(1));
        const QJsonObject audit = lastAudit(QStringLiteral("reschedule"));
        QCOMPARE(audit.value(QStringLiteral("before")).toObject().value(QStringLiteral("starts_at")).toInteger(),
                 newYorkAt(monday, 10));
        QCOMPARE(audit.value(QStringLiteral("after")).toObject().value(QStringLiteral("starts_at")).toInteger(),
                 newYorkAt(monday, 14));
        QCOMPARE(m_repo->appointments().history(id).value().size(),
                 2); // booked, confirmed: a move is not a status change
    }

    void rescheduleResizesAndReassigns()
    {
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        RescheduleRequest resize;
        resize.endsAt = newYorkAt(monday, 11, 30);
        auto resized = m_repo->reschedule(id, resize);
        QVERIFY(resized.ok());
        QCOMPARE(resized.value().appointment.visitMinutes(), 90);

        // Room 1 is busy at 13:00 for someone else: moving to Nurse Ana at 13:00 re-picks room 2.
        QVERIFY(book(2, 1, 1, newYorkAt(monday, 13), 1));
        RescheduleRequest reassign;
        reassign.startsAt = newYorkAt(monday, 13);
        reassign.practitionerId = 2;
        auto reassigned = m_repo->reschedule(id, reassign);
        QVERIFY2(reassigned.ok(), qPrintable(reassigned.ok() ? QString() : reassigned.error().message()));
        QCOMPARE(reassigned.value().appointment.practitionerId, qint64(2));
        QCOMPARE(reassigned.value().appointment.roomId, std::optional<qint64>(2));

        // Asking for the busy room explicitly is refused, and nothing changes.
        RescheduleRequest intoBusyRoom;
        intoBusyRoom.roomId = 1;
        auto refused = m_repo->reschedule(id, intoBusyRoom);
        QCOMPARE(refused.error().code(), QStringLiteral("rule.overlap.room"));
        QCOMPARE(m_repo->appointments().find(id).value().roomId, std::optional<qint64>(2));
    }

    void rescheduleRefusals()
    {
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        QVERIFY(book(2, 1, 1, newYorkAt(monday, 14), 1));
        RescheduleRequest onto;
        onto.startsAt = newYorkAt(monday, 14, 30);
        QCOMPARE(m_repo->reschedule(id, onto).error().code(), QStringLiteral("rule.overlap.practitioner"));
        RescheduleRequest past;
        past.startsAt = newYorkAt(QDate(2026, 11, 25), 10);
        QCOMPARE(m_repo->reschedule(id, past).error().code(), QStringLiteral("input.start.past"));
        RescheduleRequest backwards;
        backwards.endsAt = newYorkAt(monday, 9);
        QCOMPARE(m_repo->reschedule(id, backwards).error().code(), QStringLiteral("input.end"));
        QCOMPARE(m_repo->reschedule(99, onto).error().code(), QStringLiteral("not_found.appointment"));
        QCOMPARE(m_repo->appointments().find(id).value().startsAt, newYorkAt(monday, 10));

        QVERIFY(m_repo->cancel(id, {CancelCategory::PatientRequest, {}}).ok());
        RescheduleRequest later;
        later.startsAt = newYorkAt(monday, 16);
        QCOMPARE(m_repo->reschedule(id, later).error().code(), QStringLiteral("rule.status.final"));
    }

    void statusMachine_data()
    {
        QTest::addColumn<QList<AppointmentStatus>>("path");
        QTest::addColumn<AppointmentStatus>("to");
        QTest::addColumn<bool>("allowed");
        using S = AppointmentStatus;
        QTest::newRow("booked → confirmed") << QList<S>{} << S::Confirmed << true;
        QTest::newRow("booked → arrived") << QList<S>{} << S::Arrived << true;
        QTest::newRow("booked → in treatment") << QList<S>{} << S::InTreatment << false;
        QTest::newRow("booked → completed") << QList<S>{} << S::Completed << false;
        QTest::newRow("booked → booked") << QList<S>{} << S::Booked << false;
        QTest::newRow("confirmed → arrived") << QList<S>{S::Confirmed} << S::Arrived << true;
        QTest::newRow("confirmed → booked") << QList<S>{S::Confirmed} << S::Booked << false;
        QTest::newRow("arrived → in treatment") << QList<S>{S::Arrived} << S::InTreatment << true;
        QTest::newRow("arrived → no-show") << QList<S>{S::Arrived} << S::NoShow << false;
        QTest::newRow("in treatment → completed") << QList<S>{S::Arrived, S::InTreatment} << S::Completed << true;
        QTest::newRow("in treatment → cancelled") << QList<S>{S::Arrived, S::InTreatment} << S::Cancelled << false;
        QTest::newRow("completed → arrived")
            << QList<S>{S::Arrived, S::InTreatment, S::Completed} << S::Arrived << false;
        QTest::newRow("no-show → arrived") << QList<S>{S::NoShow} << S::Arrived << false;
        QTest::newRow("booked → no-show") << QList<S>{} << S::NoShow << true;
        QTest::newRow("confirmed → cancelled") << QList<S>{S::Confirmed} << S::Cancelled << true;
        QTest::newRow("cancelled → booked") << QList<S>{S::Cancelled} << S::Booked << false;
    }

    void statusMachine()
    {
        QFETCH(QList<AppointmentStatus>, path);
        QFETCH(AppointmentStatus, to);
        QFETCH(bool, allowed);

        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        m_clock.set(QDateTime(QDate(2026, 11, 30), QTime(15, 5), Qt::UTC)); // Monday 10:05 in New York
        for (AppointmentStatus step : path)
            QVERIFY(m_repo->changeStatus(id, step, QStringLiteral("changed by the test")).ok());
        m_clock.advanceSecs(60);
        const AppointmentStatus before = m_repo->appointments().find(id).value().status;
        auto changed = m_repo->changeStatus(id, to, QStringLiteral("a note"));
        QCOMPARE(changed.ok(), allowed);
        auto history = m_repo->appointments().history(id);
        QVERIFY(history.ok());
        if (allowed) {
            QCOMPARE(changed.value().appointment.status, to);
            QCOMPARE(m_repo->appointments().find(id).value().status, to);
            QCOMPARE(history.value().size(), path.size() + 2);
            const StatusChange &last = history.value().last();
            QCOMPARE(last.from, std::optional<AppointmentStatus>(before));
            QCOMPARE(last.to, to);
            QCOMPARE(last.at, m_clock.now().toSecsSinceEpoch());
            QVERIFY(!last.actor.isEmpty());
            QCOMPARE(changed.value().freed.has_value(), !appointment_status::holdsSlot(to));
        } else {
            QCOMPARE(changed.error().code(), QStringLiteral("rule.status.transition"));
            QVERIFY(changed.error().message().contains(appointment_status::label(before)));
            QVERIFY(changed.error().message().contains(appointment_status::label(to)));
            QCOMPARE(m_repo->appointments().find(id).value().status, before);
            QCOMPARE(history.value().size(), path.size() + 1);
        }
    }

    void cancellingNeedsAReason()
    {
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        QCOMPARE(m_repo->changeStatus(id, AppointmentStatus::Cancelled).error().code(), QStringLiteral("input.reason"));
        QCOMPARE(m_repo->cancel(id, {CancelCategory::Other, QStringLiteral("  ")}).error().code(),
                 QStringLiteral("input.reason"));
        QCOMPARE(m_repo->appointments().find(id).value().status, AppointmentStatus::Booked);

        auto cancelled = m_repo->changeStatus(id, AppointmentStatus::Cancelled, QStringLiteral("illness: flu"));
        QVERIFY(cancelled.ok());
        const Appointment stored = m_repo->appointments().find(id).value();
        QCOMPARE(stored.status, AppointmentStatus::Cancelled);
        QCOMPARE(stored.cancelCategory, std::optional<CancelCategory>(CancelCategory::Illness));
        QCOMPARE(stored.cancelReason, QStringLiteral("Illness: flu"));
        QCOMPARE(m_repo->appointments().history(id).value().last().reason, QStringLiteral("Illness: flu"));
        QVERIFY(cancelled.value().freed.has_value());
        QCOMPARE(cancelled.value().freed->roomId, std::optional<qint64>(1));
    }

    void lateCancellation_data()
    {
        QTest::addColumn<int>("hoursOfNotice");
        QTest::addColumn<CancelCategory>("category");
        QTest::addColumn<bool>("late");
        QTest::newRow("two days") << 48 << CancelCategory::PatientRequest << false;
        QTest::newRow("exactly a day") << 24 << CancelCategory::PatientRequest << false;
        QTest::newRow("23 hours") << 23 << CancelCategory::PatientRequest << true;
        QTest::newRow("ill, 2 hours") << 2 << CancelCategory::Illness << true;
        QTest::newRow("clinic, 2 hours") << 2 << CancelCategory::Clinic << false;
    }

    void lateCancellation()
    {
        QFETCH(int, hoursOfNotice);
        QFETCH(CancelCategory, category);
        QFETCH(bool, late);
        const qint64 start = newYorkAt(monday, 10);
        const qint64 id = book(1, 1, 1, start, 1);
        m_clock.set(QDateTime::fromSecsSinceEpoch(start - qint64(hoursOfNotice) * 3600, Qt::UTC));
        auto cancelled = m_repo->cancel(id, {category, {}});
        QVERIFY(cancelled.ok());
        QCOMPARE(m_repo->appointments().find(id).value().lateCancel, late);
        QCOMPARE(m_repo->appointments().attendance(1).value().lateCancels, late ? 1 : 0);
    }

    void noShowOnlyOnceTheAppointmentHasStarted()
    {
        const qint64 id = book(1, 1, 1, newYorkAt(monday, 10), 1);
        QCOMPARE(m_repo->changeStatus(id, AppointmentStatus::NoShow).error().code(),
                 QStringLiteral("rule.status.too_early"));
        m_clock.set(QDateTime::fromSecsSinceEpoch(newYorkAt(monday, 10, 15), Qt::UTC));
        auto missed = m_repo->changeStatus(id, AppointmentStatus::NoShow);
        QVERIFY(missed.ok());
        QCOMPARE(missed.value().freed->startsAt, newYorkAt(monday, 10));
    }

    void attendanceCountsNoShowsAndLateCancels()
    {
        const qint64 a = book(1, 1, 1, newYorkAt(monday, 10), 1);
        const qint64 b = book(1, 1, 1, newYorkAt(monday, 13), 1);
        const qint64 c = book(1, 1, 1, newYorkAt(QDate(2026, 12, 1), 10), 1);
        const qint64 d = book(1, 1, 1, newYorkAt(QDate(2026, 12, 2), 10), 1);
        QVERIFY(a && b && c && d);
        QVERIFY(m_repo->cancel(d, {CancelCategory::PatientRequest, QStringLiteral("moved")}).ok()); // days ahead
        m_clock.set(QDateTime::fromSecsSinceEpoch(newYorkAt(monday, 15), Qt::UTC));
        QVERIFY(m_repo->changeStatus(a, AppointmentStatus::NoShow).ok());
        QVERIFY(m_repo->changeStatus(b, AppointmentStatus::NoShow).ok());
        QVERIFY(m_repo->cancel(c, {CancelCategory::PatientRequest, {}}).ok()); // less than a day ahead
        auto attendance = m_repo->appointments().attendance(1);
        QVERIFY(attendance.ok());
        QCOMPARE(attendance.value().noShows, 2);
        QCOMPARE(attendance.value().cancelled, 2);
        QCOMPARE(attendance.value().lateCancels, 1);
        QCOMPARE(attendance.value().completed, 0);
        QCOMPARE(m_repo->appointments().attendance(99).error().code(), QStringLiteral("not_found.patient"));

        // A day's patients read together: the same counts, and zeros for a patient without appointments.
        const qint64 other = book(2, 1, 1, newYorkAt(QDate(2026, 12, 3), 10), 1);
        QVERIFY(other);
        auto together = m_repo->appointments().attendance(QList<qint64>{1, 2, 1, 3});
        QVERIFY(together.ok());
        QCOMPARE(together.value().size(), 3);
        QCOMPARE(together.value().value(1).noShows, 2);
        QCOMPARE(together.value().value(1).cancelled, 2);
        QCOMPARE(together.value().value(1).lateCancels, 1);
        QCOMPARE(together.value().value(2).noShows, 0);
        QCOMPARE(together.value().value(2).cancelled, 0);
        QVERIFY(together.value().contains(3));
        QCOMPARE(together.value().value(3).completed, 0);
    }

    void historyOfAnUnknownAppointment()
    {
        QCOMPARE(m_repo->appointments().history(42).error().code(), QStringLiteral("not_found.appointment"));
        QCOMPARE(m_repo->appointments().find(42).error().exitCode(), 4);
    }

    // A kept repository re-reads the set-up as soon as anyone changes it: this connection or another one.
    void setUpChangesAreSeenAtOnce()
    {
        const BookingRequest request = test::bookingRequest(2, 2, 1, newYorkAt(monday, 9));
        QVERIFY(m_repo->preview(request).ok());
        QVERIFY(test::runAll(m_temp->database(), {QStringLiteral("UPDATE practitioner SET active = 0 WHERE id = 2")}));
        QCOMPARE(m_repo->preview(request).error().code(), QStringLiteral("rule.practitioner.inactive"));

        auto other = m_temp->reopen();
        QVERIFY(other.ok());
        QVERIFY(test::runAll(*other.value(), {QStringLiteral("UPDATE practitioner SET active = 1 WHERE id = 2")}));
        QVERIFY(m_repo->preview(request).ok());

        // Our own booking keeps the set-up; a set-up change after it is still seen.
        QVERIFY(m_repo->book(test::bookingRequest(1, 1, 2, newYorkAt(monday, 9))).ok());
        QVERIFY(test::runAll(m_temp->database(),
                             {QStringLiteral("DELETE FROM room_type WHERE room_id = 1 AND type_id = 1")}));
        auto withoutRoom1 = m_repo->preview(test::bookingRequest(2, 2, 1, newYorkAt(monday, 10)));
        QVERIFY(withoutRoom1.ok());
        QCOMPARE(withoutRoom1.value().roomId, std::optional<qint64>(2));
    }

    // Two desks book the same practitioner at the same time on two connections: exactly one wins.
    void racingDesksCannotDoubleBook()
    {
        const QString path = m_temp->path();
        for (int round = 0; round < 4; ++round) {
            const qint64 start = newYorkAt(monday, 9) + round * 3600;
            std::latch ready(2);
            QString outcome[2];
            const auto desk = [&](int which) {
                auto opened = Database::open(path);
                if (!opened) {
                    outcome[which] = opened.error().code();
                    ready.count_down();
                    return;
                }
                BookingService repo(*opened.value(), m_clock);
                BookingRequest r = test::bookingRequest(which == 0 ? 2 : 4, 2, 2, start);
                ready.arrive_and_wait();
                auto booked = repo.book(r);
                outcome[which] = booked.ok() ? QStringLiteral("booked") : booked.error().code();
            };
            std::thread first(desk, 0);
            std::thread second(desk, 1);
            first.join();
            second.join();
            QStringList outcomes{outcome[0], outcome[1]};
            outcomes.sort();
            QCOMPARE(outcomes, (QStringList{QStringLiteral("booked"), QStringLiteral("rule.overlap.practitioner")}));
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment")), qint64(4));
    }
};

QTEST_GUILESS_MAIN(TestAppointmentRepository)
#include "tst_appointmentrepository.moc"
