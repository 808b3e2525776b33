#include "WaitlistRepository.h"

#include "AppointmentRepository.h"
#include "BlockoutRepository.h"
#include "BookingRules.h"
#include "ScheduleSetup.h"
#include "common/ErrorCode.h"
#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::WaitlistRepository");

constexpr int wholeDay = 24 * 60;

QString statusCode(WaitlistEntry::Status status)
{
    switch (status) {
    case WaitlistEntry::Status::Active:
        return QStringLiteral("active");
    case WaitlistEntry::Status::Booked:
        return QStringLiteral("booked");
    case WaitlistEntry::Status::Removed:
        return QStringLiteral("removed");
    }
    return QStringLiteral("active");
}

WaitlistEntry::Status statusFromCode(const QString &code)
{
    if (code == QLatin1String("booked"))
        return WaitlistEntry::Status::Booked;
    if (code == QLatin1String("removed"))
        return WaitlistEntry::Status::Removed;
    return WaitlistEntry::Status::Active;
}

int weekdayBits(const QList<int> &weekdays)
{
    int bits = 0;
    for (int weekday : weekdays)
        bits |= 1 << (weekday - 1);
    return bits;
}

QList<int> weekdaysFromBits(int bits)
{
    QList<int> weekdays;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        if ((bits & (1 << (weekday - 1))) != 0)
            weekdays.append(weekday);
    }
    return weekdays;
}

const QString selectColumns = QStringLiteral(
    "SELECT id, patient_id, type_id, practitioner_id, earliest_date, latest_date, weekdays, day_starts_min, "
    "day_ends_min, notes, status, status_reason, appointment_id, created_at, updated_at FROM waitlist_entry ");

WaitlistEntry readEntry(const QSqlQuery &query)
{
    WaitlistEntry e;
    e.id = query.value(0).toLongLong();
    e.patientId = query.value(1).toLongLong();
    e.typeId = query.value(2).toLongLong();
    if (!query.value(3).isNull())
        e.practitionerId = query.value(3).toLongLong();
    e.earliestDate = QDate::fromString(query.value(4).toString(), Qt::ISODate);
    e.latestDate = QDate::fromString(query.value(5).toString(), Qt::ISODate);
    e.weekdays = weekdaysFromBits(query.value(6).toInt());
    if (!query.value(7).isNull()) {
        e.earliestMinute = query.value(7).toInt();
        e.latestMinute = query.value(8).toInt();
    }
    e.notes = query.value(9).toString();
    e.status = statusFromCode(query.value(10).toString());
    e.statusReason = query.value(11).toString();
    if (!query.value(12).isNull())
        e.appointmentId = query.value(12).toLongLong();
    e.createdAt = query.value(13).toLongLong();
    e.updatedAt = query.value(14).toLongLong();
    return e;
}

QJsonObject toJson(const WaitlistEntry &e)
{
    QJsonArray weekdays;
    for (int weekday : e.weekdays)
        weekdays.append(weekday);
    QJsonObject json{{QStringLiteral("patient_id"), e.patientId},
                     {QStringLiteral("type_id"), e.typeId},
                     {QStringLiteral("earliest_date"), e.earliestDate.toString(Qt::ISODate)},
                     {QStringLiteral("latest_date"), e.latestDate.toString(Qt::ISODate)},
                     {QStringLiteral("weekdays"), weekdays},
                     {QStringLiteral("earliest_minute"), e.earliestMinute},
                     {QStringLiteral("latest_minute"), e.latestMinute},
                     {QStringLiteral("status"), statusCode(e.status)}};
    json.insert(QStringLiteral("practitioner_id"), e.practitionerId ? QJsonValue(*e.practitionerId) : QJsonValue());
    return json;
}

Status validateShape(const WaitlistEntry &entry)
{
    if (!entry.earliestDate.isValid())
        return Error::invalidInput(QStringLiteral("earliest_date"), tr("Give the first date the patient can come."));
    if (!entry.latestDate.isValid() || entry.latestDate < entry.earliestDate) {
        return Error::invalidInput(QStringLiteral("latest_date"),
                                   tr("Give the last date the patient can come, on or after the first."));
    }
    for (int weekday : entry.weekdays) {
        if (weekday < 1 || weekday > 7)
            return Error::invalidInput(QStringLiteral("weekdays"), tr("Weekdays are 1 (Monday) to 7 (Sunday)."));
    }
    if (entry.earliestMinute < 0 || entry.latestMinute > wholeDay || entry.latestMinute <= entry.earliestMinute) {
        return Error::invalidInput(QStringLiteral("time_of_day"),
                                   tr("The preferred time of day must end after it starts, within one day."));
    }
    return TextRules::check(entry.notes, QStringLiteral("notes"), TextRules::reasonLength, TextRules::Lines::Many);
}

} // namespace

WaitlistRepository::WaitlistRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<qint64> WaitlistRepository::add(const WaitlistEntry &entry)
{
    if (Status s = validateShape(entry); !s)
        return s.error();
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    auto setup = ScheduleSetup::load(m_database);
    if (!setup)
        return setup.error();
    auto archived = AppointmentRepository(m_database, m_clock).patientArchived(entry.patientId);
    if (!archived)
        return archived.error();
    if (Status s = BookingRules::checkPatient(entry.patientId, archived.value()); !s)
        return s.error();
    const AppointmentType *type = setup.value().type(entry.typeId);
    if (!type) {
        return Error::notFound(QStringLiteral("appointment_type"),
                               tr("There is no appointment type %1.").arg(entry.typeId));
    }
    if (entry.practitionerId) {
        const Practitioner *p = setup.value().practitioner(*entry.practitionerId);
        if (!p) {
            return Error::notFound(QStringLiteral("practitioner"),
                                   tr("There is no practitioner %1.").arg(*entry.practitionerId));
        }
        if (!p->typeIds.contains(type->id)) {
            return error_code::rule(ErrorCode::PractitionerType,
                                    tr("%1 does not perform %2.").arg(p->displayName, type->name));
        }
    }

    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const bool anyTime = entry.earliestMinute == 0 && entry.latestMinute == wholeDay;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO waitlist_entry (patient_id, type_id, practitioner_id, earliest_date, "
                                 "latest_date, weekdays, day_starts_min, day_ends_min, notes, status, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)"));
    query.addBindValue(entry.patientId);
    query.addBindValue(entry.typeId);
    query.addBindValue(sqlId(entry.practitionerId));
    query.addBindValue(entry.earliestDate.toString(Qt::ISODate));
    query.addBindValue(entry.latestDate.toString(Qt::ISODate));
    query.addBindValue(weekdayBits(entry.weekdays));
    query.addBindValue(anyTime ? QVariant(QMetaType::fromType<int>()) : QVariant(entry.earliestMinute));
    query.addBindValue(anyTime ? QVariant(QMetaType::fromType<int>()) : QVariant(entry.latestMinute));
    query.addBindValue(sqlText(entry.notes));
    query.addBindValue(now);
    query.addBindValue(now);
    const Result<qint64> inserted = m_database.engine().insert(query, tr("Adding to the waitlist"));
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted.value();
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("create"), QStringLiteral("waitlist_entry"), id,
                               {{QStringLiteral("after"), toJson(entry)}});
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Result<WaitlistEntry> WaitlistRepository::find(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(selectColumns + QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the waitlist"));
    if (!query.next())
        return Error::notFound(QStringLiteral("waitlist_entry"), tr("There is no waitlist entry %1.").arg(id));
    return readEntry(query);
}

Result<QList<WaitlistEntry>> WaitlistRepository::list(bool activeOnly) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(selectColumns + (activeOnly ? QStringLiteral("WHERE status = 'active' ") : QString())
                    + QStringLiteral("ORDER BY created_at, id")))
        return sqlError(query.lastError(), tr("Reading the waitlist"));
    QList<WaitlistEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    return entries;
}

Status WaitlistRepository::remove(qint64 id, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("reason"), tr("Say why the patient leaves the waitlist."));
    if (Status s = TextRules::check(reason, QStringLiteral("reason"), TextRules::reasonLength); !s)
        return s;
    return setStatus(id, WaitlistEntry::Status::Removed, reason.trimmed(), std::nullopt);
}

Status WaitlistRepository::markBooked(qint64 id, qint64 appointmentId)
{
    return setStatus(id, WaitlistEntry::Status::Booked, QString(), appointmentId);
}

Status WaitlistRepository::setStatus(qint64 id, WaitlistEntry::Status status, const QString &reason,
                                     std::optional<qint64> appointmentId)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto existing = find(id);
    if (!existing)
        return existing.error();
    if (existing.value().status != WaitlistEntry::Status::Active)
        return Error::rule(QStringLiteral("waitlist.not_active"), tr("This waitlist entry is no longer active."));
    if (appointmentId) {
        auto appointment = AppointmentRepository(m_database, m_clock).find(*appointmentId);
        if (!appointment)
            return appointment.error();
        if (appointment.value().patientId != existing.value().patientId) {
            return Error::rule(QStringLiteral("waitlist.patient"),
                               tr("Appointment %1 belongs to another patient.").arg(*appointmentId));
        }
    }
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE waitlist_entry SET status = ?, status_reason = ?, appointment_id = ?, "
                                 "updated_at = ? WHERE id = ?"));
    query.addBindValue(statusCode(status));
    query.addBindValue(sqlText(reason));
    query.addBindValue(sqlId(appointmentId));
    query.addBindValue(now);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Updating the waitlist"));
    QJsonObject details{{QStringLiteral("status"), statusCode(status)}};
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    if (appointmentId)
        details.insert(QStringLiteral("appointment_id"), *appointmentId);
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("status"), QStringLiteral("waitlist_entry"), id, details);
        !s)
        return s;
    return transaction.commit();
}

Result<QList<WaitlistRepository::Offer>> WaitlistRepository::offersFor(const FreedSlot &slot) const
{
    QList<Offer> offers;
    if (slot.endsAt <= slot.startsAt)
        return offers;
    auto loaded = ScheduleSetup::load(m_database);
    if (!loaded)
        return loaded.error();
    const ScheduleSetup &setup = loaded.value();
    const ClinicTime &time = setup.time();
    const QString slotDate = time.localDate(slot.startsAt).toString(Qt::ISODate);

    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(selectColumns
                  + QStringLiteral("WHERE status = 'active' AND earliest_date <= ? AND latest_date >= ? "
                                   "AND (practitioner_id IS NULL OR practitioner_id = ?) "
                                   "ORDER BY created_at, id"));
    query.addBindValue(slotDate);
    query.addBindValue(slotDate);
    query.addBindValue(slot.practitionerId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the waitlist"));
    QList<WaitlistEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    if (entries.isEmpty())
        return offers;

    // Everything a candidate starting inside the slot could touch.
    const ClinicTime::Range around{slot.startsAt,
                                   slot.endsAt
                                       + 60 * qint64(BookingRules::maxVisitMinutes + BookingRules::maxBufferMinutes)};
    const AppointmentRepository appointments(m_database, m_clock);
    auto occupying = appointments.occupying(around);
    if (!occupying)
        return occupying.error();
    auto blockouts = BlockoutRepository(m_database, m_clock).occurrences(around, time);
    if (!blockouts)
        return blockouts.error();
    const BookingRules rules(setup, occupying.value(), blockouts.value());
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const qint64 step = 60 * qint64(setup.slotMinutes());

    for (const WaitlistEntry &entry : entries) {
        const AppointmentType *type = setup.type(entry.typeId);
        if (!type)
            continue;
        auto archived = appointments.patientArchived(entry.patientId);
        if (!archived)
            return archived.error();
        if (!archived.value() || *archived.value())
            continue;
        Appointment candidate;
        candidate.patientId = entry.patientId;
        candidate.practitionerId = slot.practitionerId;
        candidate.typeId = type->id;
        candidate.prepMin = type->prepMin;
        candidate.cleanupMin = type->cleanupMin;
        for (qint64 start = slot.startsAt; start < slot.endsAt; start += step) {
            if (start < now)
                continue;
            candidate.startsAt = start;
            candidate.endsAt = start + 60 * qint64(type->visitMinutes());
            candidate.roomId.reset();
            if (slot.roomId && rules.roomSuits(*slot.roomId, type->id)
                && rules.checkRoomFree(candidate, *slot.roomId)) {
                candidate.roomId = slot.roomId;
            } else if (type->needsRoom) {
                candidate.roomId = rules.firstFreeRoom(candidate);
            }
            if (type->needsRoom && !candidate.roomId)
                continue;
            const LocalSpan local = rules.localSpan(candidate);
            if (local.date < entry.earliestDate || local.date > entry.latestDate
                || !entry.acceptsWeekday(local.date.dayOfWeek()) || local.startMin < entry.earliestMinute
                || local.endMin > entry.latestMinute)
                continue;
            if (!rules.check(candidate))
                continue;
            offers.append({entry, candidate});
            break;
        }
    }
    // Entries that asked for this practitioner first; otherwise the earliest request (already in order).
    std::stable_sort(offers.begin(), offers.end(), [](const Offer &a, const Offer &b) {
        return a.entry.practitionerId.has_value() > b.entry.practitionerId.has_value();
    });
    return offers;
}

} // namespace dermdesk
