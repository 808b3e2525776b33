#pragma once

#include "calendar/AgendaEntry.h"
#include "calendar/ClinicTime.h"

#include <QList>

namespace dermdesk {

class Database;

// What the schedule shows on a treatment-plan session's block: "n of N" and whether the session lies outside
// its interval window after the previous session of its plan (local dates; a session booked early with an
// override reason is not flagged). One query for the appointments starting in `range`, through
// treatment_session's unique appointment_id. A failed read leaves the marks off rather than the schedule empty.
void markPlanSessions(const Database &database, const ClinicTime &time, const ClinicTime::Range &range,
                      QList<AgendaEntry> &entries);

} // namespace dermdesk
