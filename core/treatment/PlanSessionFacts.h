#pragma once

#include <QtGlobal>

#include <optional>

namespace dermdesk {

// What the schedule knows of a treatment-plan session, read with its appointment's row (the schema keeps
// these facts there, resources/sql/008_schedule_plan_marks.sql; AgendaRepository::forSchedule reads them).
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

} // namespace dermdesk
