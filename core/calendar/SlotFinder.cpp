#include "SlotFinder.h"

#include "AppointmentRepository.h"
#include "BlockoutRepository.h"
#include "BookingRules.h"
#include "ScheduleSetup.h"
#include "common/ErrorCode.h"
#include "common/TimeFormat.h"
#include "common/Translation.h"
#include "patients/ScreeningEvaluator.h"

#include <QCoreApplication>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::SlotFinder");

Status validate(const SlotFinder::Query &query)
{
    if (!query.from.isValid())
        return Error::invalidInput(QStringLiteral("from"), tr("Give the first day to search (YYYY-MM-DD)."));
    if (!query.to.isValid())
        return Error::invalidInput(QStringLiteral("to"), tr("Give the last day to search (YYYY-MM-DD)."));
    if (query.to < query.from)
        return Error::invalidInput(QStringLiteral("to"), tr("The last day to search comes before the first."));
    if (query.from.daysTo(query.to) >= SlotFinder::maxWindowDays) {
        return Error::invalidInput(QStringLiteral("to"),
                                   tr("Search at most %1 days at a time.").arg(SlotFinder::maxWindowDays));
    }
    if (query.count < 1 || query.count > 200)
        return Error::invalidInput(QStringLiteral("count"), tr("Ask for 1 to 200 slots."));
    for (int weekday : query.weekdays) {
        if (weekday < 1 || weekday > 7)
            return Error::invalidInput(QStringLiteral("weekdays"), tr("Weekdays are 1 (Monday) to 7 (Sunday)."));
    }
    if (query.earliestMinute < 0 || query.latestMinute > 24 * 60 || query.latestMinute <= query.earliestMinute) {
        return Error::invalidInput(QStringLiteral("time_of_day"),
                                   tr("The preferred time of day must end after it starts, within one day."));
    }
    return {};
}

// Who may take the slots: the practitioner asked for (refused when they cannot), or every active one who
// performs the type, in sort order.
Result<QList<qint64>> candidatesFor(const SlotFinder::Query &query, const ScheduleSetup &setup,
                                    const AppointmentType &type)
{
    QList<qint64> ids;
    if (query.practitionerId) {
        const Practitioner *p = setup.practitioner(*query.practitionerId);
        if (!p) {
            return Error::notFound(QStringLiteral("practitioner"),
                                   tr("There is no practitioner %1.").arg(*query.practitionerId));
        }
        if (!p->active) {
            return error_code::rule(ErrorCode::PractitionerInactive,
                                    tr("%1 is inactive and cannot be booked.").arg(p->displayName));
        }
        if (!p->typeIds.contains(type.id)) {
            return error_code::rule(ErrorCode::PractitionerType,
                                    tr("%1 does not perform %2.").arg(p->displayName, type.name));
        }
        ids.append(p->id);
        return ids;
    }
    for (const Practitioner &p : setup.practitioners()) {
        if (p.active && p.typeIds.contains(type.id))
            ids.append(p.id);
    }
    return ids;
}

} // namespace

SlotFinder::SlotFinder(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_setupCache(database)
{
}

Result<ScheduleSetup> SlotFinder::setup() const
{
    return m_setupCache.get();
}

Result<QList<SlotFinder::Slot>> SlotFinder::find(const Query &query) const
{
    auto found = search(query);
    if (!found)
        return found.error();
    return std::move(found).value().found;
}

Result<QList<SlotFinder::Slot>> SlotFinder::find(const Query &query, const ScheduleSetup &setup) const
{
    auto found = search(query, setup);
    if (!found)
        return found.error();
    return std::move(found).value().found;
}

QString SlotFinder::describe(const QList<LeftOut> &leftOut)
{
    if (leftOut.isEmpty())
        return {};
    QStringList runs;
    for (const LeftOut &run : leftOut) {
        const QString dates = run.from == run.to
                                  ? shortDateText(run.from)
                                  : tr("%1 \u2013 %2").arg(shortDateText(run.from), shortDateText(run.to));
        QString clears = run.clears;
        if (clears.endsWith(QLatin1Char('.')))
            clears.chop(1);
        runs.append(
            tr("%1, %2; %3").arg(dates, run.rule, clears.isEmpty() ? clears : clears.at(0).toLower() + clears.mid(1)));
    }
    return tr("Left out for screening stops: %1.").arg(runs.join(QStringLiteral("; ")));
}

Result<SlotFinder::Search> SlotFinder::search(const Query &query) const
{
    auto loaded = m_setupCache.get();
    if (!loaded)
        return loaded.error();
    return search(query, loaded.value());
}

Result<SlotFinder::Search> SlotFinder::search(const Query &query, const ScheduleSetup &setup) const
{
    if (Status valid = validate(query); !valid)
        return valid.error();
    const ClinicTime &time = setup.time();
    const AppointmentType *type = setup.type(query.typeId);
    if (!type) {
        return Error::notFound(QStringLiteral("appointment_type"),
                               tr("There is no appointment type %1.").arg(query.typeId));
    }
    if (!type->active) {
        return error_code::rule(ErrorCode::TypeInactive,
                                tr("%1 is no longer offered (the appointment type is inactive).").arg(type->name));
    }
    auto practitioners = candidatesFor(query, setup, *type);
    if (!practitioners)
        return practitioners.error();

    const AppointmentRepository appointments(m_database, m_clock);
    if (query.patientId) {
        auto archived = appointments.patientArchived(*query.patientId);
        if (!archived)
            return archived.error();
        if (Status s = BookingRules::checkPatient(*query.patientId, archived.value()); !s)
            return s.error();
    }

    Search result;
    QList<Slot> &found = result.found;
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const QDate first = std::max(query.from, time.localDate(now));
    if (first > query.to || practitioners.value().isEmpty())
        return result;
    const int days = int(first.daysTo(query.to)) + 1;
    QList<ScreeningOutcome> screening;
    if (query.leaveOutScreeningStops && query.patientId && type->isTreatment) {
        auto outcomes = ScreeningEvaluator(m_database).evaluateDays(*query.patientId, first, days);
        if (!outcomes)
            return outcomes.error();
        screening = std::move(outcomes).value();
    }
    // The last date searched, to join consecutive left-out dates into one run.
    QDate searched;
    auto blockouts = BlockoutRepository(m_database, m_clock).occurrences(time.daysRange(first, days), time);
    if (!blockouts)
        return blockouts.error();

    const int visit = type->visitMinutes();
    const int step = setup.slotMinutes();
    Appointment candidate;
    candidate.patientId = query.patientId.value_or(0);
    candidate.typeId = type->id;
    candidate.prepMin = type->prepMin;
    candidate.cleanupMin = type->cleanupMin;

    for (QDate date = first; date <= query.to; date = date.addDays(1)) {
        const int weekday = date.dayOfWeek();
        if (!query.weekdays.isEmpty() && !query.weekdays.contains(weekday))
            continue;
        if (setup.openingHours(weekday).isEmpty())
            continue;
        if (!screening.isEmpty()) {
            const ScreeningOutcome &outcome = screening.at(first.daysTo(date));
            if (outcome.refuses()) {
                const ScreeningFinding &stop = outcome.stops.constFirst();
                if (!result.leftOut.isEmpty() && result.leftOut.last().to == searched
                    && result.leftOut.last().rule == stop.name) {
                    result.leftOut.last().to = date;
                } else {
                    result.leftOut.append({date, date, stop.name, stop.clearsOn, ScreeningEvaluator::clearsText(stop)});
                }
                searched = date;
                continue;
            }
        }
        searched = date;
        const ClinicTime::Range day = time.dayRange(date);
        // Only this day's appointments and blockouts (cheap to scan for every candidate time).
        auto occupying = appointments.occupying(day);
        if (!occupying)
            return occupying.error();
        QList<BlockoutOccurrence> dayBlockouts;
        for (const BlockoutOccurrence &b : blockouts.value()) {
            if (b.overlaps(day.from, day.to))
                dayBlockouts.append(b);
        }
        const BookingRules rules(setup, occupying.value(), dayBlockouts);
        // On a day without a clock change local minute m is simply midnight + m minutes.
        const bool uniform = time.zone().offsetFromUtc(QDateTime::fromSecsSinceEpoch(day.from, Qt::UTC))
                             == time.zone().offsetFromUtc(QDateTime::fromSecsSinceEpoch(day.to - 1, Qt::UTC));

        for (int minute = 0; minute + visit <= 24 * 60; minute += step) {
            LocalSpan local{date, minute, minute + visit, minute + visit + type->cleanupMin};
            if (uniform) {
                candidate.startsAt = day.from + 60 * qint64(minute);
            } else {
                auto start = time.toUtc(date, minute);
                if (!start)
                    continue; // skipped by the clock change
                candidate.startsAt = start.value();
            }
            candidate.endsAt = candidate.startsAt + 60 * qint64(visit);
            if (candidate.startsAt < now)
                continue;
            if (!uniform)
                local = rules.localSpan(candidate);
            if (local.startMin < query.earliestMinute || local.endMin > query.latestMinute || local.date != date
                || !rules.withinClinicHours(local))
                continue;
            if (query.patientId && rules.patientConflict(candidate))
                continue;
            for (qint64 practitionerId : practitioners.value()) {
                candidate.practitionerId = practitionerId;
                candidate.roomId.reset();
                if (!rules.withinWorkingHours(practitionerId, local) || rules.blockoutFor(candidate)
                    || rules.practitionerConflict(candidate))
                    continue;
                std::optional<qint64> room;
                if (type->needsRoom) {
                    room = rules.firstFreeRoom(candidate);
                    if (!room)
                        continue;
                }
                found.append({candidate.startsAt, candidate.endsAt, practitionerId, room});
                if (found.size() >= query.count)
                    return result;
                if (!query.everyPractitioner)
                    break;
            }
        }
    }
    return result;
}

} // namespace dermdesk
