#include "AppointmentRepository.h"

#include "AppointmentAudit.h"
#include "BlockoutRepository.h"
#include "BookingRules.h"
#include "BookingScreening.h"
#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/RowCursor.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

// The longest visit plus the longest cleanup, in seconds: no appointment that starts earlier than this
// before an instant can still be busy at it. Matches the bound in the database's overlap triggers.
constexpr qint64 longestBusySeconds = 50400;

constexpr char appointmentColumns[] =
    "SELECT id, patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, prep_min, cleanup_min, status, "
    "cancel_category, cancel_reason, late_cancel, notes, created_at, updated_at FROM appointment ";

const QString selectColumns = QString::fromLatin1(appointmentColumns);

// The appointments that can be busy during a range (parameters: from - longestBusySeconds, to, from),
// stepped through RowCursor: a check or a slot search reads a whole day's worth.
const QByteArray occupyingSql = QByteArray(appointmentColumns)
                                + "WHERE starts_at > ? AND starts_at < ? AND ends_at + 60 * cleanup_min > ? "
                                  "AND status NOT IN ('cancelled', 'no_show') ORDER BY starts_at, id";

// A QSqlQuery row read the way RowCursor reads one.
struct QueryRow
{
    const QSqlQuery &query;
    [[nodiscard]] bool isNull(int column) const { return query.value(column).isNull(); }
    [[nodiscard]] qint64 integer(int column) const { return query.value(column).toLongLong(); }
    [[nodiscard]] QString text(int column) const { return query.value(column).toString(); }
};

// One row of the appointment columns above, from a QueryRow or a RowCursor.
template<typename Row>
Appointment readAppointment(const Row &row)
{
    Appointment a;
    a.id = row.integer(0);
    a.patientId = row.integer(1);
    a.practitionerId = row.integer(2);
    if (!row.isNull(3))
        a.roomId = row.integer(3);
    a.typeId = row.integer(4);
    a.startsAt = row.integer(5);
    a.endsAt = row.integer(6);
    a.prepMin = int(row.integer(7));
    a.cleanupMin = int(row.integer(8));
    a.status = appointment_status::fromStorage(row.text(9)).value_or(AppointmentStatus::Booked);
    a.cancelCategory = cancel_reason::fromStorage(row.text(10));
    a.cancelReason = row.text(11);
    a.lateCancel = row.integer(12) != 0;
    a.notes = row.text(13);
    a.createdAt = row.integer(14);
    a.updatedAt = row.integer(15);
    return a;
}

} // namespace

AppointmentRepository::AppointmentRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_setupCache(database)
{
}

Result<Appointment> AppointmentRepository::find(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(selectColumns + QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the appointment"));
    if (!query.next())
        return Error::notFound(QStringLiteral("appointment"), tr("There is no appointment %1.").arg(id));
    return readAppointment(QueryRow{query});
}

Result<QList<Appointment>> AppointmentRepository::occupying(const ClinicTime::Range &range) const
{
    RowCursor query(m_database, occupyingSql.constData());
    query.bind(1, range.from - longestBusySeconds);
    query.bind(2, range.to);
    query.bind(3, range.from);
    if (Status run = query.exec(tr("Reading the appointments")); !run)
        return run.error();
    QList<Appointment> found;
    while (query.next())
        found.append(readAppointment(query));
    if (!query.status())
        return query.status().error();
    return found;
}

Result<std::optional<bool>> AppointmentRepository::patientArchived(qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT archived FROM patient WHERE id = ?"));
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient"));
    if (!query.next())
        return std::optional<bool>();
    return std::optional<bool>(query.value(0).toBool());
}

Result<Appointment> AppointmentRepository::bookingCandidate(const BookingRequest &request, const ScheduleSetup &setup)
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

Result<Appointment> AppointmentRepository::rescheduleCandidate(const Appointment &current,
                                                               const RescheduleRequest &request)
{
    if (appointment_status::isFinal(current.status)) {
        return Error::rule(QStringLiteral("status.final"),
                           tr("A %1 appointment cannot be moved; book a new one instead.")
                               .arg(appointment_status::label(current.status).toLower()));
    }
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

Result<Appointment> AppointmentRepository::checked(Appointment candidate, const ScheduleSetup &setup, bool pickRoom,
                                                   const std::optional<QString> &acknowledgement) const
{
    const ClinicTime::Range around{candidate.startsAt, candidate.busyUntil()};
    auto occupying = this->occupying(around);
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
    return candidate;
}

Result<Appointment> AppointmentRepository::checkedBooking(const BookingRequest &request) const
{
    auto setup = m_setupCache.get();
    if (!setup)
        return setup.error();
    auto candidate = bookingCandidate(request, setup.value());
    if (!candidate)
        return candidate.error();
    if (Status s = BookingRules::checkShape(candidate.value()); !s)
        return s.error();
    if (Status s = BookingRules::checkNotPast(request.startsAt, m_clock.now().toSecsSinceEpoch(), request.allowPast);
        !s)
        return s.error();
    auto archived = patientArchived(request.patientId);
    if (!archived)
        return archived.error();
    if (Status s = BookingRules::checkPatient(request.patientId, archived.value()); !s)
        return s.error();
    return checked(std::move(candidate).value(), setup.value(), !request.roomId, request.acknowledgement);
}

Result<Appointment> AppointmentRepository::checkedReschedule(const Appointment &current,
                                                             const RescheduleRequest &request) const
{
    auto setup = m_setupCache.get();
    if (!setup)
        return setup.error();
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
    const ClinicTime &time = setup.value().time();
    const bool otherDay = time.localDate(candidate.value().startsAt) != time.localDate(current.startsAt);
    return checked(std::move(candidate).value(), setup.value(), !request.roomId,
                   otherDay ? std::optional<QString>(request.acknowledgement) : std::nullopt);
}

Result<Appointment> AppointmentRepository::preview(const BookingRequest &request) const
{
    return checkedBooking(request);
}

Result<Appointment> AppointmentRepository::book(const BookingRequest &request)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    auto stored = insertBooking(request);
    if (!stored)
        return stored.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    m_setupCache.keepAfterOwnWrite(); // the insert touched appointments, history and audit only
    return stored;
}

Result<QList<Appointment>>
AppointmentRepository::bookAll(const QList<BookingRequest> &requests,
                               const std::function<Status(const QList<Appointment> &)> &alsoWrite,
                               qsizetype *failedIndex)
{
    if (failedIndex)
        *failedIndex = -1;
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QList<Appointment> booked;
    for (const BookingRequest &request : requests) {
        auto stored = insertBooking(request);
        if (!stored) {
            if (failedIndex)
                *failedIndex = booked.size();
            return stored.error();
        }
        booked.append(std::move(stored).value());
    }
    if (alsoWrite) {
        if (Status s = alsoWrite(booked); !s)
            return s.error();
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return booked;
}

Result<Appointment> AppointmentRepository::insertBooking(const BookingRequest &request)
{
    auto candidate = checkedBooking(request);
    if (!candidate)
        return candidate.error();
    Appointment appointment = std::move(candidate).value();
    // The set-up the check just used, taken before the insert makes the cache read it again.
    auto setup = m_setupCache.get();
    if (!setup)
        return setup.error();
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    appointment.status = AppointmentStatus::Booked;
    appointment.createdAt = now;
    appointment.updatedAt = now;

    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO appointment (patient_id, practitioner_id, room_id, type_id, starts_at, "
                                 "ends_at, prep_min, cleanup_min, status, notes, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?)"));
    query.addBindValue(appointment.patientId);
    query.addBindValue(appointment.practitionerId);
    query.addBindValue(sqlId(appointment.roomId));
    query.addBindValue(appointment.typeId);
    query.addBindValue(appointment.startsAt);
    query.addBindValue(appointment.endsAt);
    query.addBindValue(appointment.prepMin);
    query.addBindValue(appointment.cleanupMin);
    query.addBindValue(sqlText(appointment.notes));
    query.addBindValue(now);
    query.addBindValue(now);
    const Result<qint64> inserted = m_database.engine().insert(query, tr("Saving the appointment"));
    if (!inserted)
        return inserted.error();
    appointment.id = inserted.value();
    if (Status s = recordStatusChange(appointment.id, std::nullopt, AppointmentStatus::Booked, QString()); !s)
        return s.error();
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("create"), QStringLiteral("appointment"), appointment.id,
                               {{QStringLiteral("after"), appointment_audit::toJson(appointment)}});
        !s)
        return s.error();
    if (Status s = BookingScreening(m_database, m_clock)
                       .recordAcknowledgement(appointment, request.acknowledgement.trimmed(), setup.value());
        !s)
        return s.error();
    return appointment;
}

Result<Appointment> AppointmentRepository::previewReschedule(qint64 id, const RescheduleRequest &request) const
{
    auto current = find(id);
    if (!current)
        return current.error();
    return checkedReschedule(current.value(), request);
}

Result<AppointmentRepository::Change> AppointmentRepository::reschedule(qint64 id, const RescheduleRequest &request)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    auto change = applyReschedule(id, request);
    if (!change)
        return change.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    m_setupCache.keepAfterOwnWrite(); // the update touched the appointment and audit only
    return change;
}

Result<QList<AppointmentRepository::Change>>
AppointmentRepository::rescheduleAll(const QList<std::pair<qint64, RescheduleRequest>> &moves,
                                     const std::function<Status(const QList<Change> &)> &alsoWrite,
                                     qsizetype *failedIndex)
{
    if (failedIndex)
        *failedIndex = -1;
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QList<Change> changes;
    for (const auto &[id, request] : moves) {
        auto change = applyReschedule(id, request);
        if (!change) {
            if (failedIndex)
                *failedIndex = changes.size();
            return change.error();
        }
        changes.append(std::move(change).value());
    }
    if (alsoWrite) {
        if (Status s = alsoWrite(changes); !s)
            return s.error();
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return changes;
}

Result<AppointmentRepository::Change> AppointmentRepository::applyReschedule(qint64 id,
                                                                             const RescheduleRequest &request)
{
    auto current = find(id);
    if (!current)
        return current.error();
    const Appointment &before = current.value();
    auto candidate = checkedReschedule(before, request);
    if (!candidate)
        return candidate.error();
    Appointment after = std::move(candidate).value();
    const bool moved = after.startsAt != before.startsAt || after.endsAt != before.endsAt
                       || after.practitionerId != before.practitionerId || after.roomId != before.roomId;
    if (!moved)
        return Change{before, std::nullopt};
    after.updatedAt = m_clock.now().toSecsSinceEpoch();

    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE appointment SET practitioner_id = ?, room_id = ?, starts_at = ?, ends_at = ?, "
                                 "updated_at = ? WHERE id = ?"));
    query.addBindValue(after.practitionerId);
    query.addBindValue(sqlId(after.roomId));
    query.addBindValue(after.startsAt);
    query.addBindValue(after.endsAt);
    query.addBindValue(after.updatedAt);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Moving the appointment"));
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("reschedule"), QStringLiteral("appointment"), id,
                               {{QStringLiteral("before"), appointment_audit::toJson(before)},
                                {QStringLiteral("after"), appointment_audit::toJson(after)}});
        !s)
        return s.error();
    auto setup = m_setupCache.get();
    if (!setup)
        return setup.error();
    const ClinicTime &time = setup.value().time();
    if (time.localDate(after.startsAt) != time.localDate(before.startsAt)) {
        if (Status s = BookingScreening(m_database, m_clock)
                           .recordAcknowledgement(after, request.acknowledgement.trimmed(), setup.value());
            !s)
            return s.error();
    }
    return Change{after, FreedSlot{id, before.practitionerId, before.roomId, before.startsAt, before.busyUntil()}};
}

} // namespace dermdesk
