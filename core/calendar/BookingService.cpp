// BookingService's bookings and moves: the facts gathered once, BookingRules, and the shared transaction loop.
// (Status changes are in BookingServiceStatus.cpp.)
#include "BookingService.h"

#include "AppointmentStatusRules.h"
#include "BlockoutRepository.h"
#include "BookingRules.h"
#include "BookingScreening.h"
#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/InTransaction.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

// The stretch of a patient's, a practitioner's and a room's time a booking locks on a clinic server, in seconds.
constexpr qint64 lockSliceSeconds = 30 * 60;

// The appointment a request would store, durations filled in from the type; not yet checked.
Result<Appointment> bookingCandidate(const BookingRequest &request, const ScheduleSetup &setup)
{
    const AppointmentType *type = setup.type(request.typeId);
    if (!type) {
        return Error::notFound(QStringLiteral("appointment_type"),
                               tr("There is no appointment type %1.").arg(request.typeId));
    }
    if (Status s =
            TextRules::check({{request.notes, QStringLiteral("notes"), TextRules::reasonLength, TextRules::Lines::Many},
                              {request.acknowledgement, QStringLiteral("acknowledgement"), TextRules::reasonLength}});
        !s)
        return s.error();
    const int duration = request.durationMin.value_or(type->durationMin);
    if (!request.endsAt && duration <= 0)
        return Error::invalidInput(QStringLiteral("duration"), tr("An appointment cannot last zero minutes."));
    Appointment candidate;
    candidate.patientId = request.patientId;
    candidate.practitionerId = request.practitionerId;
    candidate.roomId = request.roomId;
    candidate.typeId = request.typeId;
    candidate.prepMin = request.prepMin.value_or(type->prepMin);
    candidate.cleanupMin = request.cleanupMin.value_or(type->cleanupMin);
    candidate.startsAt = request.startsAt;
    candidate.endsAt = request.endsAt.value_or(request.startsAt + 60 * qint64(candidate.prepMin + duration));
    candidate.notes = request.notes;
    return candidate;
}

// The appointment as a move would leave it; not yet checked.
Result<Appointment> rescheduleCandidate(const Appointment &current, const RescheduleRequest &request)
{
    if (Status s = appointment_status::checkMovable(current.status); !s)
        return s.error();
    Appointment candidate = current;
    if (request.startsAt) {
        candidate.startsAt = *request.startsAt;
        candidate.endsAt = *request.startsAt + (current.endsAt - current.startsAt);
    }
    if (request.endsAt)
        candidate.endsAt = *request.endsAt;
    if (request.practitionerId)
        candidate.practitionerId = *request.practitionerId;
    if (request.roomId)
        candidate.roomId = *request.roomId;
    return candidate;
}

// The locks of bookings into given rooms, per `setup`, and in `heldUntil` the end of the time each holds; none (the
// whole clinic) when a booking is not one the set-up knows.
WriteScope bookingScope(const QList<BookingRequest> &requests, const ScheduleSetup &setup, QList<qint64> &heldUntil)
{
    WriteScope scope;
    for (const BookingRequest &request : requests) {
        const auto candidate = bookingCandidate(request, setup);
        if (!candidate) {
            heldUntil.clear();
            return WriteScope();
        }
        const qint64 until = candidate.value().busyUntil();
        heldUntil.append(until);
        // One lock per half hour the booking keeps each of them busy: bookings that overlap share one.
        for (qint64 slice = request.startsAt / lockSliceSeconds; slice <= (until - 1) / lockSliceSeconds; ++slice) {
            const qint64 sliceKey = slice & 0xffffff;
            scope.add(QStringLiteral("patient"), (request.patientId << 24) | sliceKey)
                .add(QStringLiteral("practitioner"), (request.practitionerId << 24) | sliceKey)
                .add(QStringLiteral("room"), (*request.roomId << 24) | sliceKey);
        }
    }
    return scope;
}

} // namespace

BookingService::BookingService(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_appointments(database, clock)
    , m_setupCache(database)
{
}

Result<BookingService::Checked> BookingService::checked(Appointment candidate, const ScheduleSetup &setup,
                                                        bool pickRoom,
                                                        const std::optional<QString> &acknowledgement) const
{
    const ClinicTime::Range around{candidate.startsAt, candidate.busyUntil()};
    // A room to be chosen is compared with every room's bookings; otherwise the rules meet only the candidate's
    // practitioner, room and patient.
    auto occupying =
        pickRoom ? m_appointments.occupying(around)
                 : m_appointments.occupying(around, candidate.practitionerId, candidate.roomId, candidate.patientId);
    if (!occupying)
        return occupying.error();
    auto blockouts = BlockoutRepository(m_database, m_clock).occurrences(around, setup.time());
    if (!blockouts)
        return blockouts.error();
    const BookingRules rules(setup, occupying.value(), blockouts.value());

    // Keep an existing room only while it still suits and is free; otherwise pick another.
    if (pickRoom && candidate.roomId
        && (!rules.roomSuits(*candidate.roomId, candidate.typeId)
            || !rules.checkRoomFree(candidate, *candidate.roomId)))
        candidate.roomId.reset();
    const AppointmentType *type = setup.type(candidate.typeId);
    const bool roomPending = pickRoom && !candidate.roomId && type != nullptr && type->needsRoom;
    if (Status s = rules.check(candidate, roomPending); !s)
        return s.error();
    auto cautions = BookingScreening(m_database, m_clock).cautions(candidate, setup);
    if (!cautions)
        return cautions.error();
    if (roomPending) {
        auto room = rules.chooseRoom(candidate);
        if (!room)
            return room.error();
        candidate.roomId = room.value();
    }
    // Last, so a caution means everything else passes and an acknowledgement is all that is missing.
    if (acknowledgement && acknowledgement->trimmed().isEmpty() && !cautions.value().isEmpty())
        return BookingScreening::unacknowledged(cautions.value());
    return Checked{std::move(candidate), std::move(cautions).value()};
}

Result<BookingService::Checked> BookingService::checkedBooking(const BookingRequest &request,
                                                               const ScheduleSetup &setup) const
{
    auto candidate = bookingCandidate(request, setup);
    if (!candidate)
        return candidate.error();
    if (Status s = BookingRules::checkShape(candidate.value()); !s)
        return s.error();
    if (Status s = BookingRules::checkNotPast(request.startsAt, m_clock.now().toSecsSinceEpoch(), request.allowPast);
        !s)
        return s.error();
    auto archived = m_appointments.patientArchived(request.patientId);
    if (!archived)
        return archived.error();
    if (Status s = BookingRules::checkPatient(request.patientId, archived.value()); !s)
        return s.error();
    return checked(std::move(candidate).value(), setup, !request.roomId, request.acknowledgement);
}

Result<BookingService::Checked> BookingService::checkedReschedule(const Appointment &current,
                                                                  const RescheduleRequest &request,
                                                                  const ScheduleSetup &setup) const
{
    auto candidate = rescheduleCandidate(current, request);
    if (!candidate)
        return candidate.error();
    if (Status s = BookingRules::checkShape(candidate.value()); !s)
        return s.error();
    if (candidate.value().startsAt != current.startsAt) {
        if (Status s = BookingRules::checkNotPast(candidate.value().startsAt, m_clock.now().toSecsSinceEpoch(),
                                                  request.allowPast);
            !s)
            return s.error();
    }
    // Screening cautions were acknowledged for the date it was booked on; another date asks again.
    const ClinicTime &time = setup.time();
    const bool otherDay = time.localDate(candidate.value().startsAt) != time.localDate(current.startsAt);
    return checked(std::move(candidate).value(), setup, !request.roomId,
                   otherDay ? std::optional<QString>(request.acknowledgement) : std::nullopt);
}

Result<Appointment> BookingService::preview(const BookingRequest &request) const
{
    auto setup = m_setupCache.get();
    if (!setup)
        return setup.error();
    auto checked = checkedBooking(request, setup.value());
    if (!checked)
        return checked.error();
    return std::move(checked).value().appointment;
}

Result<Appointment> BookingService::previewReschedule(qint64 id, const RescheduleRequest &request) const
{
    auto current = m_appointments.find(id);
    if (!current)
        return current.error();
    auto setup = m_setupCache.get();
    if (!setup)
        return setup.error();
    auto checked = checkedReschedule(current.value(), request, setup.value());
    if (!checked)
        return checked.error();
    return std::move(checked).value().appointment;
}

template<typename Item, typename Out, typename Step>
Result<QList<Out>> BookingService::eachInOneTransaction(const QList<Item> &items, const Step &step,
                                                        const std::function<Status(const QList<Out> &)> &alsoWrite,
                                                        qsizetype *failedIndex, WriteScope scope)
{
    if (failedIndex)
        *failedIndex = -1;
    auto done = inTransaction<QList<Out>>(m_database, std::move(scope), [&]() -> Result<QList<Out>> {
        auto setup = m_setupCache.get();
        if (!setup)
            return setup.error();
        QList<Out> results;
        for (const Item &item : items) {
            Result<Out> one = step(item, setup.value());
            if (!one) {
                if (failedIndex)
                    *failedIndex = results.size();
                return one.error();
            }
            results.append(std::move(one).value());
        }
        if (alsoWrite) {
            if (Status s = alsoWrite(results); !s)
                return s.error();
        }
        return results;
    });
    return done;
}

Result<Appointment> BookingService::book(const BookingRequest &request)
{
    auto booked = bookAll({request});
    if (!booked)
        return booked.error();
    return booked.value().constFirst();
}

Result<QList<Appointment>> BookingService::bookAll(const QList<BookingRequest> &requests,
                                                   const std::function<Status(const QList<Appointment> &)> &alsoWrite,
                                                   qsizetype *failedIndex)
{
    // Bookings into given rooms touch their patients', practitioners' and rooms' time around them only: desks
    // booking other people, or the same people at other times, go on at once. The time locked is that of the set-up
    // as last read, the time checked that of the set-up read inside the transaction. Should another desk have
    // changed the set-up so that a booking runs longer than it locked, nothing is written and the booking is tried
    // once more with the set-up now read; changed yet again meanwhile, it is refused as a conflict rather than
    // checked outside what it holds. Choosing a room (another desk may choose the same one) or writing more
    // (alsoWrite) takes the whole clinic.
    const bool roomsGiven = std::all_of(requests.cbegin(), requests.cend(),
                                        [](const BookingRequest &request) { return request.roomId.has_value(); });
    for (int attempt = 0;; ++attempt) {
        WriteScope scope;
        QList<qint64> heldUntil;
        if (roomsGiven && !alsoWrite) {
            if (auto setup = m_setupCache.lastRead())
                scope = bookingScope(requests, setup.value(), heldUntil);
        }
        qsizetype index = 0;
        bool outgrown = false;
        const auto step = [this, &heldUntil, &index, &outgrown](const BookingRequest &request,
                                                                const ScheduleSetup &setup) {
            Result<Appointment> booked = bookOne(request, setup);
            const qint64 held = index < heldUntil.size() ? heldUntil.at(index) : std::numeric_limits<qint64>::max();
            ++index;
            if (booked && booked.value().busyUntil() > held) {
                outgrown = true;
                return Result<Appointment>(Error::storage(
                    QStringLiteral("conflict"),
                    tr("The appointment types changed at another desk while this booking was being saved. Nothing "
                       "was saved; please try again.")));
            }
            return booked;
        };
        auto booked = eachInOneTransaction(requests, step, alsoWrite, failedIndex, std::move(scope));
        if (booked || !outgrown || attempt > 0)
            return booked;
    }
}

Result<BookingService::Change> BookingService::reschedule(qint64 id, const RescheduleRequest &request)
{
    auto moved = rescheduleAll({{id, request}});
    if (!moved)
        return moved.error();
    return moved.value().constFirst();
}

Result<QList<BookingService::Change>>
BookingService::rescheduleAll(const QList<std::pair<qint64, RescheduleRequest>> &moves,
                              const std::function<Status(const QList<Change> &)> &alsoWrite, qsizetype *failedIndex)
{
    const auto step = [this](const std::pair<qint64, RescheduleRequest> &move, const ScheduleSetup &setup) {
        return moveOne(move.first, move.second, setup);
    };
    return eachInOneTransaction(moves, step, alsoWrite, failedIndex);
}

Result<Appointment> BookingService::bookOne(const BookingRequest &request, const ScheduleSetup &setup)
{
    auto checked = checkedBooking(request, setup);
    if (!checked)
        return checked.error();
    Appointment appointment = checked.value().appointment;
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    appointment.status = AppointmentStatus::Booked;
    appointment.createdAt = now;
    appointment.updatedAt = now;
    auto stored = m_appointments.insert(appointment);
    if (!stored)
        return stored.error();
    if (Status s = m_appointments.recordAcknowledgement(stored.value(), setup.time().localDate(appointment.startsAt),
                                                        checked.value().cautions, request.acknowledgement);
        !s)
        return s.error();
    return stored;
}

Result<BookingService::Change> BookingService::moveOne(qint64 id, const RescheduleRequest &request,
                                                       const ScheduleSetup &setup)
{
    auto current = m_appointments.find(id);
    if (!current)
        return current.error();
    const Appointment &before = current.value();
    auto checked = checkedReschedule(before, request, setup);
    if (!checked)
        return checked.error();
    Appointment after = checked.value().appointment;
    const bool moved = after.startsAt != before.startsAt || after.endsAt != before.endsAt
                       || after.practitionerId != before.practitionerId || after.roomId != before.roomId;
    if (!moved)
        return Change{before, std::nullopt};
    after.updatedAt = m_clock.now().toSecsSinceEpoch();
    if (Status s = m_appointments.updatePlace(before, after); !s)
        return s.error();
    const ClinicTime &time = setup.time();
    if (time.localDate(after.startsAt) != time.localDate(before.startsAt)) {
        if (Status s = m_appointments.recordAcknowledgement(after, time.localDate(after.startsAt),
                                                            checked.value().cautions, request.acknowledgement);
            !s)
            return s.error();
    }
    return Change{after, FreedSlot{id, before.practitionerId, before.roomId, before.startsAt, before.busyUntil()}};
}

} // namespace dermdesk
