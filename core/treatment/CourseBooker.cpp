#include "CourseBooker.h"

#include "IntervalWindow.h"
#include "SessionMoveRule.h"
#include "TreatmentPlanRepository.h"
#include "TreatmentSessionRepository.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "common/ErrorCode.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::CourseBooker");

Status refuseClosedPlan(const TreatmentPlan &plan)
{
    if (plan.status == PlanSummary::Status::Stopped || plan.status == PlanSummary::Status::Completed) {
        return Error::rule(QStringLiteral("plan.status"),
                           tr("The plan is %1; no more sessions can be booked for it.")
                               .arg(PlanSummary::statusDisplayName(plan.status).toLower()));
    }
    return {};
}

} // namespace

CourseBooker::CourseBooker(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Error CourseBooker::forSession(const Error &error, int sequence, int planned)
{
    return Error(error.kind(), error.code(), tr("Session %1 of %2: %3").arg(sequence).arg(planned).arg(error.message()),
                 error.field());
}

Status CourseBooker::checkInterval(const TreatmentPlan &plan, int sequence, const QDate &date, const QDate &windowStart,
                                   const QDate &previous, const QString &overrideReason)
{
    if (!windowStart.isValid() || date >= windowStart || !overrideReason.trimmed().isEmpty())
        return {};
    return error_code::rule(ErrorCode::PlanIntervalMin,
                            tr("Session %1 on %2 is earlier than the minimum interval of %3 weeks after the session of "
                               "%4; its window opens on %5. Give a reason to override.")
                                .arg(sequence)
                                .arg(date.toString(Qt::ISODate))
                                .arg(plan.intervalMinWeeks)
                                .arg(previous.toString(Qt::ISODate), windowStart.toString(Qt::ISODate)));
}

Result<QList<Appointment>> CourseBooker::bookCourse(const TreatmentPlan &plan, const CourseProposal &proposal,
                                                    const QString &intervalOverrideReason,
                                                    const QString &acknowledgement)
{
    if (Status s = refuseClosedPlan(plan); !s)
        return s.error();
    QList<BookingRequest> requests;
    QList<const ProposedSession *> booked;
    QDate previous;
    for (const PlanSession &stored : proposal.stored) {
        if (stored.isDated() && (proposal.sessions.isEmpty() || stored.sequence < proposal.sessions.first().sequence))
            previous = stored.date;
    }
    for (const ProposedSession &session : proposal.sessions) {
        if (session.appointmentId)
            continue;
        if (Status s = checkInterval(plan, session.sequence, session.date, session.windowStart, previous,
                                     intervalOverrideReason);
            !s)
            return s.error();
        previous = session.date;
        BookingRequest request;
        request.patientId = plan.patientId;
        request.practitionerId = session.practitionerId;
        request.typeId = plan.typeId;
        request.roomId = session.roomId;
        request.startsAt = session.startsAt;
        request.acknowledgement = acknowledgement;
        requests.append(request);
        booked.append(&session);
    }
    if (requests.isEmpty())
        return Error::rule(QStringLiteral("plan.complete"), tr("There is no session to book."));
    TreatmentSessionRepository sessions(m_database, m_clock);
    const auto link = [&](const QList<Appointment> &appointments) -> Status {
        for (qsizetype i = 0; i < appointments.size(); ++i) {
            const ProposedSession &session = *booked.at(i);
            const QString reason = session.timing == SessionTiming::Early ? intervalOverrideReason : QString();
            if (Status s = sessions.linkBooked(plan.id, session.sequence, appointments.at(i).id,
                                               appointments.at(i).practitionerId, reason);
                !s)
                return s;
        }
        if (Status s = TreatmentPlanRepository(m_database, m_clock).activateIfProposed(plan.id); !s)
            return s;
        QJsonArray ids;
        for (const Appointment &appointment : appointments)
            ids.append(appointment.id);
        return AuditLog(m_database, m_clock)
            .record(QStringLiteral("book_course"), QStringLiteral("treatment_plan"), plan.id,
                    {{QStringLiteral("appointment_ids"), ids}});
    };
    qsizetype failed = -1;
    auto result = BookingService(m_database, m_clock).bookAll(requests, link, &failed);
    if (!result && failed >= 0)
        return forSession(result.error(), booked.at(failed)->sequence, plan.plannedSessions);
    return result;
}

Result<Appointment> CourseBooker::bookSession(const TreatmentPlan &plan, int sequence, BookingRequest request,
                                              const QString &intervalOverrideReason)
{
    if (Status s = refuseClosedPlan(plan); !s)
        return s.error();
    if (sequence < 1 || sequence > plan.plannedSessions) {
        return Error::invalidInput(QStringLiteral("sequence"),
                                   tr("The plan has sessions 1 to %1.").arg(plan.plannedSessions));
    }
    auto setup = ScheduleSetup::load(m_database);
    if (!setup)
        return setup.error();
    auto stored = TreatmentSessionRepository(m_database, m_clock).sessions(plan, setup.value().time());
    if (!stored)
        return stored.error();
    const PlanSession &current = stored.value().at(sequence - 1);
    if (current.isDated()) {
        return Error::rule(QStringLiteral("plan.session_booked"),
                           tr("Session %1 is already %2; move it instead.")
                               .arg(sequence)
                               .arg(current.performed ? tr("done") : tr("booked")));
    }
    QDate previous;
    for (const PlanSession &session : stored.value()) {
        if (session.sequence < sequence && session.isDated())
            previous = session.date;
    }
    const QDate date = setup.value().time().localDate(request.startsAt);
    const IntervalWindow window = previous.isValid()
                                      ? IntervalWindow::after(previous, plan.intervalMinWeeks, plan.intervalMaxWeeks)
                                      : IntervalWindow{};
    if (Status s = checkInterval(plan, sequence, date, window.start, previous, intervalOverrideReason); !s)
        return s.error();
    const bool early = IntervalWindow::judge(date, window) == SessionTiming::Early;
    request.patientId = plan.patientId;
    request.typeId = plan.typeId;
    TreatmentSessionRepository sessions(m_database, m_clock);
    const auto link = [&](const QList<Appointment> &appointments) -> Status {
        if (Status s = sessions.linkBooked(plan.id, sequence, appointments.constFirst().id,
                                           appointments.constFirst().practitionerId,
                                           early ? intervalOverrideReason : QString());
            !s)
            return s;
        return TreatmentPlanRepository(m_database, m_clock).activateIfProposed(plan.id);
    };
    auto booked = BookingService(m_database, m_clock).bookAll({request}, link);
    if (!booked)
        return forSession(booked.error(), sequence, plan.plannedSessions);
    return booked.value().constFirst();
}

Status CourseBooker::shiftRest(const TreatmentPlan &plan, const CourseProposal &proposal,
                               const QString &acknowledgement)
{
    QList<std::pair<qint64, RescheduleRequest>> moves;
    QList<int> sequences;
    for (const ProposedSession &session : proposal.sessions) {
        if (!session.appointmentId)
            continue;
        RescheduleRequest request;
        request.startsAt = session.startsAt;
        request.practitionerId = session.practitionerId;
        request.roomId = session.roomId;
        request.acknowledgement = acknowledgement;
        moves.append({*session.appointmentId, request});
        sequences.append(session.sequence);
    }
    if (moves.isEmpty())
        return {};
    const auto audit = [&](const QList<BookingService::Change> &changes) -> Status {
        // Moved into their windows: a reason once given for booking one early no longer applies.
        const SessionMoveRule rule(m_database, m_clock);
        for (const BookingService::Change &change : changes) {
            if (Status s = rule.settle(change.appointment.id, change.appointment.startsAt); !s)
                return s;
        }
        QJsonArray moved;
        for (qsizetype i = 0; i < changes.size(); ++i)
            moved.append(QJsonObject{{QStringLiteral("sequence"), sequences.at(i)},
                                     {QStringLiteral("appointment_id"), changes.at(i).appointment.id},
                                     {QStringLiteral("starts_at"), changes.at(i).appointment.startsAt}});
        return AuditLog(m_database, m_clock)
            .record(QStringLiteral("shift_rest"), QStringLiteral("treatment_plan"), plan.id,
                    {{QStringLiteral("moved"), moved}});
    };
    qsizetype failed = -1;
    auto result = BookingService(m_database, m_clock).rescheduleAll(moves, audit, &failed);
    if (!result && failed >= 0)
        return forSession(result.error(), sequences.at(failed), plan.plannedSessions);
    if (!result)
        return result.error();
    return {};
}

} // namespace dermdesk
