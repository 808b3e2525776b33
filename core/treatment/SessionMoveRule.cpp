#include "SessionMoveRule.h"

#include "IntervalWindow.h"
#include "TreatmentPlanRepository.h"
#include "TreatmentSessionRepository.h"
#include "calendar/ClinicTime.h"
#include "clinic/ClinicRepository.h"
#include "common/ErrorCode.h"
#include "common/Translation.h"

#include <QCoreApplication>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::SessionMoveRule");

} // namespace

SessionMoveRule::SessionMoveRule(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<SessionMoveRule::Judgement> SessionMoveRule::judge(qint64 appointmentId, std::optional<qint64> oldStartsAt,
                                                          qint64 newStartsAt) const
{
    TreatmentSessionRepository sessionRepository(m_database, m_clock);
    auto record = sessionRepository.forAppointment(appointmentId);
    if (!record)
        return record.error();
    if (!record.value())
        return Judgement{};
    auto plan = TreatmentPlanRepository(m_database, m_clock).find(record.value()->planId);
    if (!plan)
        return plan.error();
    const ClinicTime time(ClinicRepository(m_database, m_clock).timeZone());
    auto sessions = sessionRepository.sessions(plan.value(), time);
    if (!sessions)
        return sessions.error();
    QList<PlanSession> &all = sessions.value();
    const auto moving = std::find_if(all.begin(), all.end(), [appointmentId](const PlanSession &session) {
        return session.appointmentId == appointmentId;
    });
    // A cancelled or missed appointment no longer dates its session (and cannot move either).
    if (moving == all.end() || !moving->isDated())
        return Judgement{};
    const QDate oldDate = time.localDate(oldStartsAt.value_or(*moving->startsAt));
    moving->startsAt = newStartsAt;
    moving->date = time.localDate(newStartsAt);
    IntervalWindow::judgeAll(all, plan.value().intervalMinWeeks, plan.value().intervalMaxWeeks);
    Judgement judgement;
    judgement.sessionId = moving->sessionId;
    judgement.early = moving->timing == SessionTiming::Early;
    judgement.storedReason = moving->intervalOverrideReason;
    if (!judgement.early || moving->date >= oldDate)
        return judgement;
    const PlanSession &previous = *(moving - 1); // an Early session has a dated previous one
    judgement.refusal = error_code::rule(
        ErrorCode::PlanIntervalMin,
        tr("Session %1 of %2 on %3 would be earlier than the plan's minimum interval of %4 weeks after session %5 "
           "on %6: its window is %7 to %8. Give a reason to override.")
            .arg(moving->sequence)
            .arg(plan.value().plannedSessions)
            .arg(moving->date.toString(Qt::ISODate))
            .arg(plan.value().intervalMinWeeks)
            .arg(previous.sequence)
            .arg(previous.date.toString(Qt::ISODate), moving->windowStart.toString(Qt::ISODate),
                 moving->windowEnd.toString(Qt::ISODate)));
    return judgement;
}

Status SessionMoveRule::check(qint64 appointmentId, qint64 newStartsAt, const QString &overrideReason) const
{
    auto judged = judge(appointmentId, std::nullopt, newStartsAt);
    if (!judged)
        return judged.error();
    if (judged.value().refusal && overrideReason.trimmed().isEmpty())
        return *judged.value().refusal;
    return {};
}

Status SessionMoveRule::settle(qint64 appointmentId, qint64 startsAt) const
{
    auto judged = judge(appointmentId, startsAt, startsAt);
    if (!judged)
        return judged.error();
    return clearStaleReason(judged.value(), appointmentId, startsAt);
}

Status SessionMoveRule::clearStaleReason(const Judgement &judgement, qint64 appointmentId, qint64 startsAt) const
{
    if (!judgement.sessionId || judgement.early || judgement.storedReason.isEmpty())
        return {};
    return TreatmentSessionRepository(m_database, m_clock)
        .recordIntervalOverride(judgement.sessionId, appointmentId, startsAt, QString());
}

Result<BookingService::Change> SessionMoveRule::reschedule(BookingService &appointments, qint64 appointmentId,
                                                           const RescheduleRequest &request,
                                                           const QString &overrideReason, Mode mode) const
{
    // Runs inside rescheduleAll's transaction, after the move: the plan's sessions are read with the new start.
    const auto applyRule = [&](const QList<BookingService::Change> &changes) -> Status {
        const BookingService::Change &change = changes.constFirst();
        if (!change.freed || change.freed->startsAt == change.appointment.startsAt)
            return {};
        auto judged = judge(appointmentId, change.freed->startsAt, change.appointment.startsAt);
        if (!judged)
            return judged.error();
        const Judgement &judgement = judged.value();
        const TreatmentSessionRepository sessions(m_database, m_clock);
        const qint64 startsAt = change.appointment.startsAt;
        if (judgement.refusal && mode == Mode::Enforce) {
            if (overrideReason.trimmed().isEmpty())
                return *judgement.refusal;
            return sessions.recordIntervalOverride(judgement.sessionId, appointmentId, startsAt, overrideReason);
        }
        return clearStaleReason(judgement, appointmentId, startsAt);
    };
    auto moved = appointments.rescheduleAll({{appointmentId, request}}, applyRule);
    if (!moved)
        return moved.error();
    return moved.value().constFirst();
}

} // namespace dermdesk
