#include "ui/schedule/PlanSessionMover.h"

#include "common/ErrorCode.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"
#include "treatment/SessionMoveRule.h"
#include "ui/widgets/Prompter.h"

#include <QCoreApplication>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::PlanSessionMover");

} // namespace

PlanSessionMover::PlanSessionMover(ClinicSession &session, Prompter &prompter)
    : m_session(session)
    , m_prompter(prompter)
{
}

Result<BookingService::Change> PlanSessionMover::move(QWidget *parent, qint64 appointmentId,
                                                      const RescheduleRequest &request, QString *overrideReason,
                                                      QString *acknowledgement) const
{
    if (overrideReason)
        overrideReason->clear();
    if (acknowledgement)
        acknowledgement->clear();
    const SessionMoveRule &rule = m_session.service<SessionMoveRule>();
    BookingService &appointments = m_session.service<BookingService>();
    RescheduleRequest attempt = request;
    QString reason;
    // Each question is asked at most once: the screening caution on the new date, the plan's interval.
    while (true) {
        auto moved = rule.reschedule(appointments, appointmentId, attempt, reason);
        if (moved) {
            if (overrideReason)
                *overrideReason = reason;
            if (acknowledgement)
                *acknowledgement = attempt.acknowledgement;
            return moved;
        }
        const Error &refusal = moved.error();
        std::optional<QString> answer;
        if (error_code::is(refusal, ErrorCode::ScreeningCaution) && attempt.acknowledgement.isEmpty()) {
            answer = m_prompter.askText(parent, tr("Screening caution on the new date"),
                                        tr("%1\n\nWhy should it go ahead on this date? (The reason is kept in the "
                                           "audit log.)")
                                            .arg(moved.error().message()));
            if (answer)
                attempt.acknowledgement = answer->trimmed();
            if (attempt.acknowledgement.isEmpty())
                return moved;
        } else if (error_code::is(refusal, ErrorCode::PlanIntervalMin) && reason.isEmpty()) {
            answer = m_prompter.askText(parent, tr("Earlier than the plan's interval"),
                                        tr("%1\n\nWhy should it be this early? (The reason is kept with the "
                                           "session.)")
                                            .arg(moved.error().message()));
            if (answer)
                reason = answer->trimmed();
            if (reason.isEmpty())
                return moved;
        } else {
            return moved;
        }
    }
}

} // namespace dermdesk::ui
