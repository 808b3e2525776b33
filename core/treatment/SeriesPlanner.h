#pragma once

#include "CourseProposal.h"
#include "TreatmentPlan.h"
#include "calendar/SlotFinder.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QDate>
#include <QHash>

#include <optional>

namespace dermdesk {

class Database;
class ScheduleSetup;

// Proposes the remaining sessions of a treatment plan with the SlotFinder: each session on the first free
// time inside its interval window after the previous one (the plan's lead practitioner, or any who performs
// the type, within their hours, with a suitable free room, the patient free), on the plan's preferred
// weekdays and times, on a date no screening stop rule covers. Writes nothing; CourseBooker books what it
// proposes.
//
// Refusals: rule.plan.status (stopped or completed plan), rule.plan.complete (nothing left to book),
// rule.plan.no_time naming the session, its window and why nothing fits (the practitioner's days and hours,
// screening stops, or a full calendar), plus SlotFinder's and BookingService::preview()'s errors for a
// date the person chose. Use on the Database's thread; the Database and the Clock must outlive the planner.
class SeriesPlanner
{
public:
    explicit SeriesPlanner(const Database &database, const Clock &clock = Clock::system());

    // Every session of the plan without a date (never booked, or its appointment cancelled or missed).
    [[nodiscard]] Result<CourseProposal> propose(const TreatmentPlan &plan) const;
    // The person moved proposed session `sequence` to local `day`, at local `minute` or, without one, the
    // first free time that day: that session keeps the date (flagged Early or Late when outside its window)
    // and every later proposed session is planned again after it.
    [[nodiscard]] Result<CourseProposal> change(const TreatmentPlan &plan, const CourseProposal &proposal, int sequence,
                                                const QDate &day, std::optional<int> minute = std::nullopt) const;
    // "Shift the rest": from the first booked, not yet performed session outside its window, every later
    // booked session is proposed again (appointmentId set) inside its window. Empty sessions when all fit.
    [[nodiscard]] Result<CourseProposal> shiftRest(const TreatmentPlan &plan) const;

private:
    struct Context;
    // Plans proposal.sessions[from..] again, each after the date before it.
    [[nodiscard]] Status planFrom(Context &context, CourseProposal &proposal, qsizetype from) const;
    [[nodiscard]] Result<ProposedSession> firstFit(Context &context, int sequence, const QDate &previous,
                                                   std::optional<qint64> practitionerId) const;
    [[nodiscard]] Result<QList<ScreeningFinding>> cautionsOn(Context &context, const QDate &date) const;
    [[nodiscard]] Error noTime(const Context &context, int sequence, const QDate &from, const QDate &to,
                               const QString &stopRule) const;
    [[nodiscard]] Result<Context> contextFor(const TreatmentPlan &plan) const;

    const Database &m_database;
    const Clock &m_clock;
    SlotFinder m_finder;
};

} // namespace dermdesk
