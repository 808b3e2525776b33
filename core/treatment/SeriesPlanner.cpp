#include "SeriesPlanner.h"

#include "IntervalWindow.h"
#include "TreatmentSessionRepository.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "common/ErrorCode.h"
#include "common/TimeFormat.h"
#include "common/Translation.h"
#include "patients/ScreeningEvaluator.h"

#include <QCoreApplication>
#include <QLocale>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::SeriesPlanner");

// A session whose window has already closed is searched for from today over the window's length.
constexpr int minimumSearchDays = 14;

ProposedSession toPropose(int sequence)
{
    ProposedSession session;
    session.sequence = sequence;
    return session;
}

// The slot search for one session of `plan` on [from, to].
SlotFinder::Query slotQuery(const TreatmentPlan &plan, std::optional<qint64> practitionerId, const QDate &from,
                            const QDate &to)
{
    SlotFinder::Query query;
    query.typeId = plan.typeId;
    query.practitionerId = practitionerId;
    query.patientId = plan.patientId;
    query.from = from;
    query.to = to;
    query.count = 1;
    query.weekdays = plan.preferredWeekdayList();
    query.earliestMinute = plan.preferredStartMin.value_or(0);
    query.latestMinute = plan.preferredEndMin.value_or(24 * 60);
    return query;
}

// Puts `session` on `slot` (local `date`) and judges it against `window`.
void place(ProposedSession &session, const SlotFinder::Slot &slot, const QDate &date, const IntervalWindow &window)
{
    session.startsAt = slot.startsAt;
    session.endsAt = slot.endsAt;
    session.practitionerId = slot.practitionerId;
    session.roomId = slot.roomId;
    session.date = date;
    session.windowStart = window.start;
    session.windowEnd = window.end;
    session.timing = IntervalWindow::judge(date, window);
}

} // namespace

struct SeriesPlanner::Context
{
    TreatmentPlan plan;
    ScheduleSetup setup;
    QDate today;
    QHash<QDate, ScreeningOutcome> screening;
    // The rules and the patient's answers, read at the first date judged.
    std::optional<ScreeningEvaluator::PatientScreening> rules;
};

SeriesPlanner::SeriesPlanner(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_finder(database, clock)
{
}

Result<SeriesPlanner::Context> SeriesPlanner::contextFor(const TreatmentPlan &plan) const
{
    if (plan.status == PlanSummary::Status::Stopped || plan.status == PlanSummary::Status::Completed) {
        return Error::rule(QStringLiteral("plan.status"),
                           tr("The plan is %1; no more sessions can be booked for it.")
                               .arg(PlanSummary::statusDisplayName(plan.status).toLower()));
    }
    auto setup = m_finder.setup();
    if (!setup)
        return setup.error();
    const QDate today = setup.value().time().localDate(m_clock.now().toSecsSinceEpoch());
    return Context{plan, std::move(setup).value(), today, {}, std::nullopt};
}

Result<QList<ScreeningFinding>> SeriesPlanner::cautionsOn(Context &context, const QDate &date) const
{
    auto cached = context.screening.constFind(date);
    if (cached == context.screening.constEnd()) {
        if (!context.rules) {
            auto read = ScreeningEvaluator(m_database).forPatient(context.plan.patientId);
            if (!read)
                return read.error();
            context.rules = std::move(read).value();
        }
        cached = context.screening.insert(date, context.rules->on(date));
    }
    if (cached->refuses()) {
        const ScreeningFinding &stop = cached->stops.constFirst();
        return error_code::rule(ErrorCode::ScreeningStop, tr("Screening rule \"%1\": %2").arg(stop.name, stop.message));
    }
    return cached->cautionsToAcknowledge();
}

Error SeriesPlanner::noTime(const Context &context, int sequence, const QDate &from, const QDate &to,
                            const QString &stopRule) const
{
    const ScheduleSetup &setup = context.setup;
    const AppointmentType *type = setup.type(context.plan.typeId);
    const QString typeName = type ? type->name : QString();
    const Practitioner *lead =
        context.plan.leadPractitionerId ? setup.practitioner(*context.plan.leadPractitionerId) : nullptr;
    const QString who = lead ? lead->displayName : tr("any practitioner who performs %1").arg(typeName);
    const QList<int> preferred = context.plan.preferredWeekdayList();
    const int earliest = context.plan.preferredStartMin.value_or(0);
    const int latest = context.plan.preferredEndMin.value_or(24 * 60);
    const int visit = type ? type->visitMinutes() : 0;
    // Does anyone who could take it work, long enough, on a preferred day in the window at all?
    bool works = false;
    for (QDate day = from; day <= to && !works; day = day.addDays(1)) {
        if (!preferred.isEmpty() && !preferred.contains(day.dayOfWeek()))
            continue;
        for (const Practitioner &p : setup.practitioners()) {
            if ((lead && p.id != lead->id) || !p.active || (type && !p.typeIds.contains(type->id)))
                continue;
            for (const WeeklyHours &hours : setup.workingHours(p.id, day.dayOfWeek())) {
                if (std::min(hours.endMin, latest) - std::max(hours.startMin, earliest) >= visit)
                    works = true;
            }
        }
    }
    const QString head = tr("Session %1 of %2 cannot be booked between %3 and %4: ")
                             .arg(sequence)
                             .arg(context.plan.plannedSessions)
                             .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    QString why;
    if (!works)
        why = tr("%1 does not work a %2-minute stretch on the preferred days and times in that window.")
                  .arg(who)
                  .arg(visit);
    else if (!stopRule.isEmpty())
        why = tr("every free time falls on a date screening rule \"%1\" stops.").arg(stopRule);
    else
        why = tr("every time %1 works then (with a free room and the patient free) is booked or blocked.").arg(who);
    return Error::rule(QStringLiteral("plan.no_time"), head + why);
}

Result<ProposedSession> SeriesPlanner::firstFit(Context &context, int sequence, const QDate &previous,
                                                std::optional<qint64> practitionerId) const
{
    const TreatmentPlan &plan = context.plan;
    IntervalWindow window;
    QDate from;
    QDate to;
    if (previous.isValid()) {
        window = IntervalWindow::after(previous, plan.intervalMinWeeks, plan.intervalMaxWeeks);
        from = std::max(window.start, context.today);
        to = window.end;
        if (to < from) // the window closed already: as soon as possible
            to = from.addDays(std::max(7 * (plan.intervalMaxWeeks - plan.intervalMinWeeks), minimumSearchDays));
    } else {
        from = context.today;
        to = from.addDays(std::max(7 * plan.intervalMaxWeeks, minimumSearchDays));
    }
    SlotFinder::Query query = slotQuery(plan, practitionerId ? practitionerId : plan.leadPractitionerId, from, to);
    QString stopRule;
    for (QDate day = from; day <= to;) {
        query.from = day;
        auto found = m_finder.find(query, context.setup);
        if (!found)
            return found.error();
        if (found.value().isEmpty())
            break;
        const SlotFinder::Slot &slot = found.value().constFirst();
        const QDate date = context.setup.time().localDate(slot.startsAt);
        auto cautions = cautionsOn(context, date);
        if (!cautions) {
            if (!error_code::is(cautions.error(), ErrorCode::ScreeningStop))
                return cautions.error();
            stopRule = context.screening.value(date).stops.value(0).name;
            day = date.addDays(1);
            continue;
        }
        ProposedSession proposed = toPropose(sequence);
        place(proposed, slot, date, window);
        proposed.cautions = cautions.value();
        return proposed;
    }
    return noTime(context, sequence, from, to, stopRule);
}

Status SeriesPlanner::planFrom(Context &context, CourseProposal &proposal, qsizetype from) const
{
    for (qsizetype i = from; i < proposal.sessions.size(); ++i) {
        ProposedSession &session = proposal.sessions[i];
        // The date before it: the proposed session before, or the last dated stored session before it.
        QDate previous;
        for (const PlanSession &stored : proposal.stored) {
            if (stored.sequence < session.sequence && stored.isDated())
                previous = stored.date;
        }
        if (i > 0 && proposal.sessions.at(i - 1).date > previous)
            previous = proposal.sessions.at(i - 1).date;
        const std::optional<qint64> appointment = session.appointmentId;
        const std::optional<qint64> practitioner =
            appointment ? std::optional<qint64>(session.practitionerId) : std::nullopt;
        auto fit = firstFit(context, session.sequence, previous, practitioner);
        if (!fit)
            return fit.error();
        session = fit.value();
        session.appointmentId = appointment;
    }
    return {};
}

Result<CourseProposal> SeriesPlanner::propose(const TreatmentPlan &plan) const
{
    auto context = contextFor(plan);
    if (!context)
        return context.error();
    auto stored = TreatmentSessionRepository(m_database, m_clock).sessions(plan, context.value().setup.time());
    if (!stored)
        return stored.error();
    CourseProposal proposal{plan.id, plan.patientId, plan.typeId, plan.plannedSessions, stored.value(), {}};
    for (const PlanSession &session : stored.value()) {
        if (!session.isDated() && session.sequence <= plan.plannedSessions)
            proposal.sessions.append(toPropose(session.sequence));
    }
    if (proposal.sessions.isEmpty()) {
        return Error::rule(QStringLiteral("plan.complete"),
                           tr("Every session of the plan is booked or done; nothing is left to book."));
    }
    if (Status s = planFrom(context.value(), proposal, 0); !s)
        return s.error();
    return proposal;
}

Result<CourseProposal> SeriesPlanner::change(const TreatmentPlan &plan, const CourseProposal &proposal, int sequence,
                                             const QDate &day, std::optional<int> minute) const
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < proposal.sessions.size(); ++i) {
        if (proposal.sessions.at(i).sequence == sequence)
            index = i;
    }
    if (index < 0) {
        return Error::invalidInput(QStringLiteral("sequence"),
                                   tr("Session %1 is not one of the proposed sessions.").arg(sequence));
    }
    if (!day.isValid())
        return Error::invalidInput(QStringLiteral("date"), tr("Give the new date (YYYY-MM-DD)."));
    auto context = contextFor(plan);
    if (!context)
        return context.error();
    if (day < context.value().today)
        return Error::invalidInput(QStringLiteral("date"),
                                   tr("Session %1 cannot be booked in the past.").arg(sequence));
    CourseProposal changed = proposal;
    ProposedSession &target = changed.sessions[index];
    const QDate previous = index > 0 ? changed.sessions.at(index - 1).date : [&] {
        QDate date;
        for (const PlanSession &stored : changed.stored) {
            if (stored.sequence < sequence && stored.isDated())
                date = stored.date;
        }
        return date;
    }();
    const IntervalWindow window = previous.isValid()
                                      ? IntervalWindow::after(previous, plan.intervalMinWeeks, plan.intervalMaxWeeks)
                                      : IntervalWindow{};
    const std::optional<qint64> practitioner =
        target.practitionerId ? std::optional<qint64>(target.practitionerId) : plan.leadPractitionerId;
    if (minute) {
        auto start = context.value().setup.time().toUtc(day, *minute, QStringLiteral("time"));
        if (!start)
            return start.error();
        BookingRequest request;
        request.patientId = plan.patientId;
        request.typeId = plan.typeId;
        request.practitionerId = practitioner.value_or(0);
        request.startsAt = start.value();
        // Cautions are listed with the proposal and acknowledged when booking; here only the rest is checked.
        request.acknowledgement = QStringLiteral("-");
        auto checked = BookingService(m_database, m_clock).preview(request);
        if (!checked)
            return checked.error();
        const Appointment &a = checked.value();
        place(target, {a.startsAt, a.endsAt, a.practitionerId, a.roomId}, day, window);
    } else {
        // The chosen day counts even when it is not a preferred weekday.
        SlotFinder::Query query = slotQuery(plan, practitioner, day, day);
        query.weekdays.clear();
        auto found = m_finder.find(query, context.value().setup);
        if (!found)
            return found.error();
        if (found.value().isEmpty()) {
            return Error::rule(QStringLiteral("plan.no_time"),
                               tr("Session %1: there is no free time on %2 (hours, rooms, blockouts or bookings).")
                                   .arg(sequence)
                                   .arg(day.toString(Qt::ISODate)));
        }
        place(target, found.value().constFirst(), day, window);
    }
    target.chosen = true;
    auto cautions = cautionsOn(context.value(), day);
    if (!cautions)
        return cautions.error();
    target.cautions = cautions.value();
    if (Status s = planFrom(context.value(), changed, index + 1); !s)
        return s.error();
    return changed;
}

Result<CourseProposal> SeriesPlanner::shiftRest(const TreatmentPlan &plan) const
{
    auto context = contextFor(plan);
    if (!context)
        return context.error();
    auto stored = TreatmentSessionRepository(m_database, m_clock).sessions(plan, context.value().setup.time());
    if (!stored)
        return stored.error();
    CourseProposal proposal{plan.id, plan.patientId, plan.typeId, plan.plannedSessions, {}, {}};
    bool shifting = false;
    for (const PlanSession &session : stored.value()) {
        shifting = shifting || (session.isMovable() && session.outsideWindow());
        if (shifting && session.isMovable()) {
            ProposedSession moved = toPropose(session.sequence);
            moved.appointmentId = session.appointmentId;
            moved.practitionerId = session.practitionerId;
            proposal.sessions.append(moved);
        } else {
            proposal.stored.append(session);
        }
    }
    if (Status s = planFrom(context.value(), proposal, 0); !s)
        return s.error();
    proposal.stored = stored.value();
    return proposal;
}

} // namespace dermdesk
