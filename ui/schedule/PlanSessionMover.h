#pragma once

#include "calendar/BookingRequest.h"
#include "calendar/BookingService.h"
#include "common/Result.h"

#include <QString>

class QWidget;

namespace dermdesk {
class ClinicSession;
}

namespace dermdesk::ui {

class Prompter;

// Moves an appointment from the schedule (a drop, the booking dialog's "Change appointment") under the plan's
// minimum-interval rule (SessionMoveRule): when a plan session would move earlier than its window allows, the
// refusal is shown in a Prompter::askText question asking for the reason to override; a reason moves it (the
// reason stored and audited), blank or cancel leaves it where it was and returns the refusal
// (rule.plan.interval_min, naming the session and its window). A treatment session moved to another day where
// screening cautions apply (rule.screening.caution) is asked about the same way: the reason is the move's
// acknowledgement, audited; blank or cancel leaves it where it was. A request that carries an acknowledgement
// already is not asked about. The session and the Prompter must outlive the mover.
class PlanSessionMover
{
public:
    PlanSessionMover(ClinicSession &session, Prompter &prompter);

    // Moves `appointmentId` as `request` says. `parent` is the question's parent; `overrideReason` (when given)
    // receives the reason the person gave, empty when none was needed; `acknowledgement` the screening
    // acknowledgement the move was made with, empty when none.
    Result<BookingService::Change> move(QWidget *parent, qint64 appointmentId, const RescheduleRequest &request,
                                        QString *overrideReason = nullptr, QString *acknowledgement = nullptr) const;

private:
    ClinicSession &m_session;
    Prompter &m_prompter;
};

} // namespace dermdesk::ui
