#include "BlockoutRepository.h"

#include "ScheduleSetup.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::BlockoutRepository");

constexpr int minutesPerDay = 24 * 60;

// The instant of a local wall-clock reading (the first one of a repeated hour). A reading skipped by a
// daylight-saving jump becomes the moment of the jump, so an occurrence keeps the part of its wall-clock
// window that exists that day: a weekly 01:30–02:30 blockout covers 02:00–02:30 on a spring-forward day.
qint64 wallClockInstant(const ClinicTime &time, const QDate &date, int minuteOfDay)
{
    const auto exact = time.toUtc(date, minuteOfDay);
    if (exact)
        return exact.value();
    const qint64 naive = QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() + 60 * qint64(minuteOfDay);
    const qint64 offsetAfter = time.zone().offsetFromUtc(QDateTime::fromSecsSinceEpoch(naive + 86400, Qt::UTC));
    const QTimeZone::OffsetData jump =
        time.zone().nextTransition(QDateTime::fromSecsSinceEpoch(naive - offsetAfter - 1, Qt::UTC));
    if (jump.atUtc.isValid())
        return jump.atUtc.toSecsSinceEpoch();
    return naive - time.zone().offsetFromUtc(QDateTime::fromSecsSinceEpoch(naive - 86400, Qt::UTC));
}

int minuteOf(const QDateTime &local)
{
    return local.time().hour() * 60 + local.time().minute();
}

std::optional<qint64> optionalId(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QJsonObject toJson(const Blockout &b)
{
    QJsonObject json{{QStringLiteral("starts_at"), b.startsAt},
                     {QStringLiteral("ends_at"), b.endsAt},
                     {QStringLiteral("repeat"), b.weekly ? QStringLiteral("weekly") : QStringLiteral("none")},
                     {QStringLiteral("reason"), b.reason}};
    if (b.practitionerId)
        json.insert(QStringLiteral("practitioner_id"), *b.practitionerId);
    if (b.roomId)
        json.insert(QStringLiteral("room_id"), *b.roomId);
    if (b.weekly && b.repeatUntil.isValid())
        json.insert(QStringLiteral("repeat_until"), b.repeatUntil.toString(Qt::ISODate));
    return json;
}

const QString selectColumns = QStringLiteral(
    "SELECT id, practitioner_id, room_id, starts_at, ends_at, repeat, repeat_until, reason, created_at FROM blockout ");

Blockout readBlockout(const QSqlQuery &query)
{
    Blockout b;
    b.id = query.value(0).toLongLong();
    b.practitionerId = optionalId(query.value(1));
    b.roomId = optionalId(query.value(2));
    b.startsAt = query.value(3).toLongLong();
    b.endsAt = query.value(4).toLongLong();
    b.weekly = query.value(5).toString() == QLatin1String("weekly");
    b.repeatUntil = QDate::fromString(query.value(6).toString(), Qt::ISODate);
    b.reason = query.value(7).toString();
    b.createdAt = query.value(8).toLongLong();
    return b;
}

} // namespace

BlockoutRepository::BlockoutRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

QList<BlockoutOccurrence> BlockoutRepository::expand(const Blockout &blockout, const ClinicTime::Range &range,
                                                     const ClinicTime &time)
{
    QList<BlockoutOccurrence> found;
    const auto occurrence = [&blockout](qint64 from, qint64 to) {
        return BlockoutOccurrence{blockout.id, blockout.practitionerId, blockout.roomId, from, to, blockout.reason};
    };
    if (!blockout.weekly) {
        if (blockout.startsAt < range.to && range.from < blockout.endsAt)
            found.append(occurrence(blockout.startsAt, blockout.endsAt));
        return found;
    }
    const QDateTime firstStart = time.toLocal(blockout.startsAt);
    const QDateTime firstEnd = time.toLocal(blockout.endsAt);
    const QDate firstDate = firstStart.date();
    const int startMin = minuteOf(firstStart);
    const qint64 spanDays = firstDate.daysTo(firstEnd.date());
    const int endMin = minuteOf(firstEnd);
    // Start a week early: an occurrence that began before the range may still reach into it.
    const qint64 weeksBefore = (firstDate.daysTo(time.localDate(range.from)) - spanDays) / 7 - 1;
    for (qint64 week = std::max<qint64>(0, weeksBefore);; ++week) {
        const QDate date = firstDate.addDays(7 * week);
        if (blockout.repeatUntil.isValid() && date > blockout.repeatUntil)
            break;
        const qint64 from = wallClockInstant(time, date, startMin);
        if (from >= range.to)
            break;
        const qint64 to = wallClockInstant(time, date.addDays(spanDays), endMin);
        if (to > from && to > range.from)
            found.append(occurrence(from, to));
    }
    return found;
}

Result<QList<Blockout>> BlockoutRepository::candidates(const ClinicTime::Range &range, const ClinicTime &time) const
{
    // One-off rows are found by their end (index blockout_repeat_end); weekly rows by their kind.
    Statement statement(m_database,
                        selectColumns
                            + QStringLiteral("WHERE (repeat = 'none' AND ends_at > :from AND starts_at < :to) "
                                             "OR (repeat = 'weekly' AND starts_at < :to AND (repeat_until IS NULL OR "
                                             "repeat_until >= :from_date)) ORDER BY starts_at, id"));
    QSqlQuery &query = *statement;
    query.setForwardOnly(true);
    query.bindValue(QStringLiteral(":from"), range.from);
    query.bindValue(QStringLiteral(":to"), range.to);
    // A week's margin: a weekly occurrence that started before the range may run into it.
    query.bindValue(QStringLiteral(":from_date"), time.localDate(range.from).addDays(-8).toString(Qt::ISODate));
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the blockouts"));
    QList<Blockout> blockouts;
    while (query.next())
        blockouts.append(readBlockout(query));
    return blockouts;
}

Result<QList<Blockout>> BlockoutRepository::list(const ClinicTime::Range &range, const ClinicTime &time) const
{
    auto found = candidates(range, time);
    if (!found)
        return found.error();
    QList<Blockout> blockouts;
    for (const Blockout &b : found.value()) {
        if (!expand(b, range, time).isEmpty())
            blockouts.append(b);
    }
    return blockouts;
}

Result<QList<Blockout>> BlockoutRepository::all(qint64 now, const ClinicTime &time, bool includePast) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(selectColumns
                  + QStringLiteral("WHERE :all = 1 OR (repeat = 'none' AND ends_at > :now) "
                                   "OR (repeat = 'weekly' AND (repeat_until IS NULL OR repeat_until >= "
                                   ":today)) ORDER BY starts_at, id"));
    query.bindValue(QStringLiteral(":all"), includePast ? 1 : 0);
    query.bindValue(QStringLiteral(":now"), now);
    query.bindValue(QStringLiteral(":today"), time.localDate(now).toString(Qt::ISODate));
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the blockouts"));
    QList<Blockout> blockouts;
    while (query.next())
        blockouts.append(readBlockout(query));
    return blockouts;
}

Result<QList<BlockoutOccurrence>> BlockoutRepository::occurrences(const ClinicTime::Range &range,
                                                                  const ClinicTime &time) const
{
    auto found = candidates(range, time);
    if (!found)
        return found.error();
    QList<BlockoutOccurrence> all;
    for (const Blockout &b : found.value())
        all.append(expand(b, range, time));
    std::stable_sort(all.begin(), all.end(),
                     [](const BlockoutOccurrence &a, const BlockoutOccurrence &b) { return a.startsAt < b.startsAt; });
    return all;
}

Result<Blockout> BlockoutRepository::find(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(selectColumns + QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the blockout"));
    if (!query.next())
        return Error::notFound(QStringLiteral("blockout"), tr("There is no blockout %1.").arg(id));
    return readBlockout(query);
}

Result<qint64> BlockoutRepository::add(const Blockout &blockout)
{
    if (blockout.reason.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("reason"), tr("Say why the time is blocked (lunch, holiday, ...)."));
    if (blockout.endsAt <= blockout.startsAt)
        return Error::invalidInput(QStringLiteral("end"), tr("A blockout must end after it starts."));
    if (blockout.practitionerId && blockout.roomId) {
        return Error::invalidInput(QStringLiteral("scope"),
                                   tr("A blockout is for the whole clinic, one practitioner or one room, not both."));
    }
    if (blockout.weekly && blockout.endsAt - blockout.startsAt > qint64(7) * 86400)
        return Error::invalidInput(QStringLiteral("end"), tr("A weekly blockout lasts at most a week."));

    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    auto setup = ScheduleSetup::load(m_database);
    if (!setup)
        return setup.error();
    if (blockout.practitionerId && !setup.value().practitioner(*blockout.practitionerId)) {
        return Error::notFound(QStringLiteral("practitioner"),
                               tr("There is no practitioner %1.").arg(*blockout.practitionerId));
    }
    if (blockout.roomId && !setup.value().room(*blockout.roomId))
        return Error::notFound(QStringLiteral("room"), tr("There is no room %1.").arg(*blockout.roomId));
    const QDate firstDate = setup.value().time().localDate(blockout.startsAt);
    if (blockout.weekly && blockout.repeatUntil.isValid() && blockout.repeatUntil < firstDate) {
        return Error::invalidInput(QStringLiteral("repeat_until"),
                                   tr("A weekly blockout cannot stop repeating before it starts (%1).")
                                       .arg(firstDate.toString(Qt::ISODate)));
    }

    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO blockout (practitioner_id, room_id, starts_at, ends_at, repeat, "
                                 "repeat_until, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(sqlId(blockout.practitionerId));
    query.addBindValue(sqlId(blockout.roomId));
    query.addBindValue(blockout.startsAt);
    query.addBindValue(blockout.endsAt);
    query.addBindValue(blockout.weekly ? QStringLiteral("weekly") : QStringLiteral("none"));
    query.addBindValue(sqlOptionalText(blockout.weekly && blockout.repeatUntil.isValid()
                                           ? std::optional(blockout.repeatUntil.toString(Qt::ISODate))
                                           : std::nullopt));
    query.addBindValue(blockout.reason.trimmed());
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    const Result<qint64> inserted = m_database.engine().insert(query, tr("Saving the blockout"));
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted.value();
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("create"), QStringLiteral("blockout"), id,
                               {{QStringLiteral("after"), toJson(blockout)}});
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Status BlockoutRepository::remove(qint64 id)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto existing = find(id);
    if (!existing)
        return existing.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM blockout WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Removing the blockout"));
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("delete"), QStringLiteral("blockout"), id,
                               {{QStringLiteral("before"), toJson(existing.value())}});
        !s)
        return s;
    return transaction.commit();
}

} // namespace dermdesk
