#pragma once

#include <QString>

namespace dermdesk {

// The downtime expected after a session, from the clinic's downtime table (downtime_band) by the
// session's deepest needle depth.
struct DowntimeExpectation
{
    // As the clinic labels it ("1–3 days").
    QString label;
    int minHours = 0;
    int maxHours = 0;
    double depthMm = 0;
    // True when read from a recorded session; false when from the open plan's planned depths.
    bool fromRecordedSession = false;
};

} // namespace dermdesk
