#pragma once

#include "PlanSession.h"

#include <QDate>
#include <QList>

#include <optional>

namespace dermdesk {

// How far a plan has come: sessions done of those planned, the next session and its window, overdue.
// Dates are local to the clinic.
struct PlanProgress
{
    int done = 0;
    int planned = 0;
    // The first session not yet done (0 when every session is done).
    int nextSequence = 0;
    // Its booked start (UTC Unix seconds) when it has one.
    std::optional<qint64> nextStartsAt;
    QDate nextWindowStart;
    QDate nextWindowEnd;
    // The next session is not booked and its window closed before `today`.
    bool overdue = false;
    // Booked sessions outside their window.
    int outsideWindow = 0;

    // From TreatmentSessionRepository::sessions().
    [[nodiscard]] static PlanProgress of(const QList<PlanSession> &sessions, int planned, const QDate &today)
    {
        PlanProgress progress;
        progress.planned = planned;
        for (const PlanSession &session : sessions) {
            if (session.performed)
                ++progress.done;
            if (!session.performed && session.isDated() && session.outsideWindow())
                ++progress.outsideWindow;
            if (!session.performed && progress.nextSequence == 0 && session.sequence <= planned) {
                progress.nextSequence = session.sequence;
                progress.nextStartsAt = session.startsAt;
                progress.nextWindowStart = session.windowStart;
                progress.nextWindowEnd = session.windowEnd;
                progress.overdue = !session.isDated() && session.windowEnd.isValid() && session.windowEnd < today;
            }
        }
        return progress;
    }
};

} // namespace dermdesk
