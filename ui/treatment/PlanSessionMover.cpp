#include "PlanSessionMover.h"

#include "common/Prompter.h"
#include "treatment/SessionMoveRule.h"

#include <QCoreApplication>

namespace dermdesk::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::ui::PlanSessionMover", text);
}

} // namespace

PlanSessionMover::PlanSessionMover(const Database &database, const Clock &clock, Prompter &prompter)
    : m_database(database)
    , m_clock(clock)
    , m_prompter(prompter)
{
}

Result<AppointmentRepository::Change> PlanSessionMover::move(QWidget *parent, AppointmentRepository &appointments,
                                                             qint64 appointmentId, const RescheduleRequest &request,
                                                             QString *overrideReason) const
{
    if (overrideReason)
        overrideReason->clear();
    const SessionMoveRule rule(m_database, m_clock);
    auto moved = rule.reschedule(appointments, appointmentId, request);
    if (moved || moved.error().code() != QLatin1String("rule.plan.interval_min"))
        return moved;
    const auto reason = m_prompter.askText(parent, tr("Earlier than the plan's interval"),
                                           tr("%1\n\nWhy should it be this early? (The reason is kept with the "
                                              "session.)")
                                               .arg(moved.error().message()));
    if (!reason || reason->trimmed().isEmpty())
        return moved;
    auto overridden = rule.reschedule(appointments, appointmentId, request, *reason);
    if (overridden && overrideReason)
        *overrideReason = reason->trimmed();
    return overridden;
}

} // namespace dermdesk::ui
