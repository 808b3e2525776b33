#include "BookingRules.h"
#include "common/ErrorCode.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QLocale>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::BookingRules");

QString hhmm(int minuteOfDay)
{
    minuteOfDay = qBound(0, minuteOfDay, 24 * 60);
    return QStringLiteral("%1:%2")
        .arg(minuteOfDay / 60, 2, 10, QLatin1Char('0'))
        .arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

QString spansText(const QList<WeeklyHours> &spans)
{
    QStringList parts;
    for (const WeeklyHours &span : spans)
        parts.append(QStringLiteral("%1–%2").arg(hhmm(span.startMin), hhmm(span.endMin)));
    return parts.join(QStringLiteral(", "));
}

bool inside(const QList<WeeklyHours> &spans, int weekday, int startMin, int endMin)
{
    for (const WeeklyHours &span : spans) {
        if (span.weekday == weekday && span.startMin <= startMin && endMin <= span.endMin)
            return true;
    }
    return false;
}

// Half-open intervals [aFrom, aTo) and [bFrom, bTo) share time: back-to-back does not.
bool overlap(qint64 aFrom, qint64 aTo, qint64 bFrom, qint64 bTo)
{
    return aFrom < bTo && bFrom < aTo;
}

} // namespace

BookingRules::BookingRules(const ScheduleSetup &setup, const QList<Appointment> &occupying,
                           const QList<BlockoutOccurrence> &blockouts)
    : m_setup(setup)
    , m_occupying(occupying)
    , m_blockouts(blockouts)
{
    for (qsizetype i = 0; i < occupying.size(); ++i) {
        const Appointment &a = occupying.at(i);
        if (!a.holdsSlot())
            continue;
        m_byPractitioner[a.practitionerId].append(i);
        m_byPatient[a.patientId].append(i);
        if (a.roomId)
            m_byRoom[*a.roomId].append(i);
    }
}

Status BookingRules::checkShape(const Appointment &candidate)
{
    if (candidate.endsAt < candidate.startsAt)
        return Error::invalidInput(QStringLiteral("end"), tr("The end must come after the start."));
    if (candidate.endsAt == candidate.startsAt)
        return Error::invalidInput(QStringLiteral("duration"), tr("An appointment cannot last zero minutes."));
    if (candidate.endsAt - candidate.startsAt > 60 * qint64(maxVisitMinutes)) {
        return Error::invalidInput(QStringLiteral("duration"),
                                   tr("An appointment lasts at most %1 hours.").arg(maxVisitMinutes / 60));
    }
    if (candidate.prepMin < 0 || candidate.prepMin > maxBufferMinutes)
        return Error::invalidInput(QStringLiteral("prep"), tr("Preparation is 0 to %1 minutes.").arg(maxBufferMinutes));
    if (60 * qint64(candidate.prepMin) >= candidate.endsAt - candidate.startsAt)
        return Error::invalidInput(QStringLiteral("prep"), tr("Preparation must be shorter than the whole visit."));
    if (candidate.cleanupMin < 0 || candidate.cleanupMin > maxBufferMinutes)
        return Error::invalidInput(QStringLiteral("cleanup"), tr("Clean-up is 0 to %1 minutes.").arg(maxBufferMinutes));
    return {};
}

Status BookingRules::checkNotPast(qint64 startsAt, qint64 now, bool allowPast)
{
    if (startsAt >= now || allowPast)
        return {};
    return Error(ErrorKind::InvalidInput, QStringLiteral("input.start.past"),
                 tr("The start is in the past. Confirm to enter a visit that already happened."),
                 QStringLiteral("start"));
}

Status BookingRules::checkPatient(qint64 patientId, std::optional<bool> archived)
{
    if (!archived)
        return Error::notFound(QStringLiteral("patient"), tr("There is no patient %1.").arg(patientId));
    if (*archived) {
        return error_code::rule(ErrorCode::PatientArchived,
                                tr("The patient's record is archived; restore it before booking."));
    }
    return {};
}

Status BookingRules::checkResources(const Appointment &candidate, bool roomPending) const
{
    const AppointmentType *type = m_setup.type(candidate.typeId);
    if (!type) {
        return Error::notFound(QStringLiteral("appointment_type"),
                               tr("There is no appointment type %1.").arg(candidate.typeId));
    }
    const Practitioner *practitioner = m_setup.practitioner(candidate.practitionerId);
    if (!practitioner) {
        return Error::notFound(QStringLiteral("practitioner"),
                               tr("There is no practitioner %1.").arg(candidate.practitionerId));
    }
    const Room *room = candidate.roomId ? m_setup.room(*candidate.roomId) : nullptr;
    if (candidate.roomId && !room)
        return Error::notFound(QStringLiteral("room"), tr("There is no room %1.").arg(*candidate.roomId));
    if (!type->active) {
        return error_code::rule(ErrorCode::TypeInactive,
                                tr("%1 is no longer offered (the appointment type is inactive).").arg(type->name));
    }
    if (!practitioner->active) {
        return error_code::rule(ErrorCode::PractitionerInactive,
                                tr("%1 is inactive and cannot be booked.").arg(practitioner->displayName));
    }
    if (room && !room->active)
        return error_code::rule(ErrorCode::RoomInactive, tr("%1 is inactive and cannot be booked.").arg(room->name));
    if (!practitioner->typeIds.contains(type->id)) {
        return error_code::rule(ErrorCode::PractitionerType,
                                tr("%1 does not perform %2.").arg(practitioner->displayName, type->name));
    }
    if (room && !room->typeIds.contains(type->id))
        return error_code::rule(ErrorCode::RoomType, tr("%1 cannot host %2.").arg(room->name, type->name));
    if (!room && type->needsRoom && !roomPending)
        return error_code::rule(ErrorCode::RoomRequired, tr("%1 needs a room.").arg(type->name));
    return {};
}

LocalSpan BookingRules::localSpan(const Appointment &candidate) const
{
    const ClinicTime &time = m_setup.time();
    LocalSpan span;
    span.date = time.localDate(candidate.startsAt);
    span.startMin = time.localMinute(candidate.startsAt);
    const auto minutesFromDate = [&](qint64 instant) {
        return int(span.date.daysTo(time.localDate(instant))) * 24 * 60 + time.localMinute(instant);
    };
    span.endMin = minutesFromDate(candidate.endsAt);
    span.busyEndMin = minutesFromDate(candidate.busyUntil());
    return span;
}

bool BookingRules::withinClinicHours(const LocalSpan &local) const
{
    return inside(m_setup.settings().openingHours, local.date.dayOfWeek(), local.startMin, local.endMin);
}

bool BookingRules::withinWorkingHours(qint64 practitionerId, const LocalSpan &local) const
{
    const Practitioner *practitioner = m_setup.practitioner(practitionerId);
    return practitioner != nullptr
           && inside(practitioner->hours, local.date.dayOfWeek(), local.startMin, local.busyEndMin);
}

Status BookingRules::checkHours(const Appointment &candidate) const
{
    return checkHours(candidate, localSpan(candidate));
}

Status BookingRules::checkHours(const Appointment &candidate, const LocalSpan &local) const
{
    const int weekday = local.date.dayOfWeek();
    if (!withinClinicHours(local)) {
        const QList<WeeklyHours> opening = m_setup.openingHours(weekday);
        const QString dayName = QLocale().dayName(weekday);
        if (opening.isEmpty())
            return error_code::rule(ErrorCode::HoursClinic, tr("The clinic is closed on %1.").arg(dayName));
        return error_code::rule(ErrorCode::HoursClinic,
                                tr("%1–%2 is outside the clinic's opening hours on %3 (%4).")
                                    .arg(hhmm(local.startMin), hhmm(local.endMin), dayName, spansText(opening)));
    }
    if (!withinWorkingHours(candidate.practitionerId, local)) {
        const Practitioner *practitioner = m_setup.practitioner(candidate.practitionerId);
        const QString name = practitioner ? practitioner->displayName : QString::number(candidate.practitionerId);
        const QString dayName = QLocale().dayName(weekday);
        const QList<WeeklyHours> working = m_setup.workingHours(candidate.practitionerId, weekday);
        if (working.isEmpty())
            return error_code::rule(ErrorCode::HoursPractitioner, tr("%1 does not work on %2.").arg(name, dayName));
        return error_code::rule(ErrorCode::HoursPractitioner,
                                tr("%1–%2 (clean-up included) is outside %3's working hours on %4 (%5).")
                                    .arg(hhmm(local.startMin), hhmm(local.busyEndMin), name, dayName,
                                         spansText(working)));
    }
    return {};
}

const BlockoutOccurrence *BookingRules::blockoutFor(const Appointment &candidate) const
{
    const qint64 busyUntil = candidate.busyUntil();
    for (const BlockoutOccurrence &blockout : m_blockouts) {
        if (blockout.overlaps(candidate.startsAt, busyUntil)
            && (blockout.blocksPractitioner(candidate.practitionerId)
                || (candidate.roomId && blockout.blocksRoom(*candidate.roomId))))
            return &blockout;
    }
    return nullptr;
}

const BlockoutOccurrence *BookingRules::roomBlockout(const Appointment &candidate, qint64 roomId) const
{
    const qint64 busyUntil = candidate.busyUntil();
    for (const BlockoutOccurrence &blockout : m_blockouts) {
        if (blockout.blocksRoom(roomId) && blockout.overlaps(candidate.startsAt, busyUntil))
            return &blockout;
    }
    return nullptr;
}

Error BookingRules::blockoutRefusal(const BlockoutOccurrence &blockout) const
{
    const ClinicTime &time = m_setup.time();
    QString whose;
    if (blockout.isClinicWide()) {
        whose = tr("the clinic");
    } else if (blockout.practitionerId) {
        const Practitioner *p = m_setup.practitioner(*blockout.practitionerId);
        whose = p ? p->displayName : QString::number(*blockout.practitionerId);
    } else {
        const Room *r = m_setup.room(*blockout.roomId);
        whose = r ? r->name : QString::number(*blockout.roomId);
    }
    const auto when = [&time](qint64 instant) {
        return QStringLiteral("%1 %2").arg(time.localDate(instant).toString(Qt::ISODate),
                                           hhmm(time.localMinute(instant)));
    };
    return error_code::rule(ErrorCode::Blockout,
                            tr("That time is blocked for %1: %2 (%3 – %4).")
                                .arg(whose, blockout.reason, when(blockout.startsAt), when(blockout.endsAt)));
}

Status BookingRules::checkBlockouts(const Appointment &candidate) const
{
    if (const BlockoutOccurrence *blockout = blockoutFor(candidate))
        return blockoutRefusal(*blockout);
    return {};
}

const Appointment *BookingRules::firstConflict(const QHash<qint64, QList<qsizetype>> &index, qint64 key,
                                               const Appointment &candidate, bool withCleanup) const
{
    const auto found = index.constFind(key);
    if (found == index.constEnd())
        return nullptr;
    const qint64 until = withCleanup ? candidate.busyUntil() : candidate.endsAt;
    for (qsizetype position : *found) {
        const Appointment &other = m_occupying.at(position);
        if (other.id != candidate.id
            && overlap(other.startsAt, withCleanup ? other.busyUntil() : other.endsAt, candidate.startsAt, until))
            return &other;
    }
    return nullptr;
}

const Appointment *BookingRules::practitionerConflict(const Appointment &candidate) const
{
    return firstConflict(m_byPractitioner, candidate.practitionerId, candidate, true);
}

const Appointment *BookingRules::roomConflict(const Appointment &candidate, qint64 roomId) const
{
    return firstConflict(m_byRoom, roomId, candidate, true);
}

const Appointment *BookingRules::patientConflict(const Appointment &candidate) const
{
    return firstConflict(m_byPatient, candidate.patientId, candidate, false);
}

Error BookingRules::roomRefusal(const Appointment &other, qint64 roomId) const
{
    const Room *room = m_setup.room(roomId);
    const ClinicTime &time = m_setup.time();
    return error_code::rule(ErrorCode::OverlapRoom, tr("%1 is already booked %2–%3 (clean-up included).")
                                                        .arg(room ? room->name : QString::number(roomId),
                                                             hhmm(time.localMinute(other.startsAt)),
                                                             hhmm(time.localMinute(other.busyUntil()))));
}

Status BookingRules::checkOverlaps(const Appointment &candidate) const
{
    const ClinicTime &time = m_setup.time();
    if (const Appointment *other = practitionerConflict(candidate)) {
        const Practitioner *p = m_setup.practitioner(candidate.practitionerId);
        return error_code::rule(ErrorCode::OverlapPractitioner,
                                tr("%1 already has an appointment %2–%3 (clean-up included).")
                                    .arg(p ? p->displayName : QString::number(candidate.practitionerId),
                                         hhmm(time.localMinute(other->startsAt)),
                                         hhmm(time.localMinute(other->busyUntil()))));
    }
    if (candidate.roomId) {
        if (const Appointment *other = roomConflict(candidate, *candidate.roomId))
            return roomRefusal(*other, *candidate.roomId);
    }
    if (const Appointment *other = patientConflict(candidate)) {
        return error_code::rule(ErrorCode::OverlapPatient, tr("The patient already has another appointment %1–%2.")
                                                               .arg(hhmm(time.localMinute(other->startsAt)),
                                                                    hhmm(time.localMinute(other->endsAt))));
    }
    return {};
}

Status BookingRules::checkRoomFree(const Appointment &candidate, qint64 roomId) const
{
    if (const BlockoutOccurrence *blockout = roomBlockout(candidate, roomId))
        return blockoutRefusal(*blockout);
    if (const Appointment *other = roomConflict(candidate, roomId))
        return roomRefusal(*other, roomId);
    return {};
}

Status BookingRules::check(const Appointment &candidate, bool roomPending) const
{
    if (Status s = checkShape(candidate); !s)
        return s;
    if (Status s = checkResources(candidate, roomPending); !s)
        return s;
    if (Status s = checkHours(candidate); !s)
        return s;
    if (Status s = checkBlockouts(candidate); !s)
        return s;
    return checkOverlaps(candidate);
}

bool BookingRules::roomSuits(qint64 roomId, qint64 typeId) const
{
    const Room *room = m_setup.room(roomId);
    return room != nullptr && room->active && room->typeIds.contains(typeId);
}

std::optional<qint64> BookingRules::firstFreeRoom(const Appointment &candidate) const
{
    for (const Room &room : m_setup.rooms()) {
        if (roomSuits(room.id, candidate.typeId) && !roomBlockout(candidate, room.id)
            && !roomConflict(candidate, room.id))
            return room.id;
    }
    return std::nullopt;
}

Result<std::optional<qint64>> BookingRules::chooseRoom(const Appointment &candidate) const
{
    const AppointmentType *type = m_setup.type(candidate.typeId);
    if (!type) {
        return Error::notFound(QStringLiteral("appointment_type"),
                               tr("There is no appointment type %1.").arg(candidate.typeId));
    }
    if (!type->needsRoom)
        return std::optional<qint64>();
    if (const auto room = firstFreeRoom(candidate))
        return std::optional<qint64>(room);
    for (const Room &room : m_setup.rooms()) {
        if (roomSuits(room.id, type->id))
            return checkRoomFree(candidate, room.id).error();
    }
    return error_code::rule(ErrorCode::RoomType, tr("No active room can host %1.").arg(type->name));
}

} // namespace dermdesk
