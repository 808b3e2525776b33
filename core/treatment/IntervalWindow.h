#pragma once

#include "PlanSession.h"

#include <QDate>
#include <QList>

namespace dermdesk {

// The interval rule as pure functions over local dates: a session belongs between `minWeeks` and
// `maxWeeks` weeks (7-day calendar steps, so daylight-saving changes do not shift it) after the
// previous session's date.
struct IntervalWindow
{
    QDate start;
    QDate end;

    [[nodiscard]] bool isValid() const { return start.isValid() && end.isValid(); }
    [[nodiscard]] bool contains(const QDate &date) const { return date >= start && date <= end; }

    [[nodiscard]] static IntervalWindow after(const QDate &previous, int minWeeks, int maxWeeks)
    {
        return {previous.addDays(7 * qint64(minWeeks)), previous.addDays(7 * qint64(maxWeeks))};
    }
    [[nodiscard]] static SessionTiming judge(const QDate &date, const IntervalWindow &window)
    {
        if (!date.isValid())
            return SessionTiming::Unscheduled;
        if (!window.isValid())
            return SessionTiming::NoWindow;
        if (date < window.start)
            return SessionTiming::Early;
        if (date > window.end)
            return SessionTiming::Late;
        return SessionTiming::InWindow;
    }

    // Fills windowStart/windowEnd/timing of `sessions` (in sequence order, `date` set for dated ones):
    // each dated session is judged against the previous session when that one is dated.
    static void judgeAll(QList<PlanSession> &sessions, int minWeeks, int maxWeeks)
    {
        QDate previous;
        for (PlanSession &session : sessions) {
            const IntervalWindow window = previous.isValid() ? after(previous, minWeeks, maxWeeks) : IntervalWindow{};
            session.windowStart = window.start;
            session.windowEnd = window.end;
            session.timing = session.isDated() ? judge(session.date, window) : SessionTiming::Unscheduled;
            previous = session.isDated() ? session.date : QDate();
        }
    }
};

} // namespace dermdesk
