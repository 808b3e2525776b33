#pragma once

namespace dermdesk {

// How reliably a patient keeps appointments: shown when anyone books for them.
struct Attendance
{
    int completed = 0;
    int cancelled = 0;
    // Cancellations by the patient with less than 24 hours' notice.
    int lateCancels = 0;
    int noShows = 0;
};

} // namespace dermdesk
