#pragma once

#include "calendar/AgendaEntry.h"
#include "calendar/ClinicTime.h"

#include <QString>

#include <optional>

namespace dermdesk {

// What the schedule knows of a treatment-plan session, read beside its appointment
// (AgendaRepository::forSchedule joins them in the same statement).
struct PlanSessionFacts
{
    int sequence = 0;
    int planned = 0;
    int minWeeks = 0;
    int maxWeeks = 0;
    // The session was booked early on purpose (an interval override reason is stored).
    bool overridden = false;
    // When the previous session of the plan took place or is booked (UTC Unix seconds); empty when there
    // is none, or it was cancelled or missed without being performed.
    std::optional<qint64> previousAt;
};

// What the schedule shows on a plan session's block: `entry.planSession` becomes "n of N" (from
// `ofTemplate`, "%1 of %2" translated) and `entry.outsideWindow` whether the session lies outside its
// interval window after the previous session (on local dates in `time`'s zone; an overridden early
// booking is not flagged).
void markPlanSession(AgendaEntry &entry, const PlanSessionFacts &facts, const ClinicTime &time,
                     const QString &ofTemplate);

} // namespace dermdesk
