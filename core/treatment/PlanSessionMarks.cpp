#include "PlanSessionMarks.h"

#include "IntervalWindow.h"
#include "storage/Database.h"
#include "storage/RowCursor.h"

#include <QCoreApplication>
#include <QHash>

namespace dermdesk {

namespace {

constexpr qint64 secondsPerDay = 24 * 60 * 60;

// Whether a session at `at` lies outside the window of `minWeeks`..`maxWeeks` weeks after the previous
// session at `previousAt`, on local calendar dates. The local-date difference is within a day (plus any
// offset change, under a day) of the elapsed time, so only intervals within two days of an edge need the
// two zone conversions; the rest are decided from the elapsed seconds.
bool outsideWindow(const ClinicTime &time, qint64 previousAt, qint64 at, int minWeeks, int maxWeeks)
{
    const qint64 elapsed = at - previousAt;
    if (elapsed >= (7 * qint64(minWeeks) + 2) * secondsPerDay && elapsed <= (7 * qint64(maxWeeks) - 2) * secondsPerDay)
        return false;
    if (elapsed < (7 * qint64(minWeeks) - 2) * secondsPerDay || elapsed > (7 * qint64(maxWeeks) + 2) * secondsPerDay)
        return true;
    const IntervalWindow window = IntervalWindow::after(time.localDate(previousAt), minWeeks, maxWeeks);
    const SessionTiming timing = IntervalWindow::judge(time.localDate(at), window);
    return timing == SessionTiming::Early || timing == SessionTiming::Late;
}

} // namespace

void markPlanSessions(const Database &database, const ClinicTime &time, const ClinicTime::Range &range,
                      QList<AgendaEntry> &entries)
{
    if (entries.isEmpty())
        return;
    RowCursor query(database,
                    "SELECT a.id, s.sequence_no, tp.planned_sessions, tp.interval_min_weeks, tp.interval_max_weeks, "
                    "s.interval_override_reason, pa.starts_at, ps.performed_at, pa.status, a.starts_at, "
                    "ps.id IS NOT NULL AND (ps.performed_at IS NOT NULL OR pa.status NOT IN ('cancelled', 'no_show')) "
                    "FROM appointment a "
                    "JOIN treatment_session s ON s.appointment_id = a.id "
                    "JOIN treatment_plan tp ON tp.id = s.plan_id "
                    "LEFT JOIN treatment_session ps ON ps.plan_id = s.plan_id AND ps.sequence_no = s.sequence_no - 1 "
                    "LEFT JOIN appointment pa ON pa.id = ps.appointment_id "
                    "WHERE a.starts_at >= ? AND a.starts_at < ?");
    query.bind(1, range.from);
    query.bind(2, range.to);
    if (!query.exec(QCoreApplication::translate("dermdesk::ScheduleModel", "Reading the plan sessions")))
        return;
    QHash<qint64, qsizetype> rowById;
    rowById.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        rowById.insert(entries.at(i).id, i);
    const QString ofTemplate = QCoreApplication::translate("dermdesk::ScheduleModel", "%1 of %2");
    while (query.next()) {
        const auto row = rowById.constFind(query.integer(0));
        if (row == rowById.constEnd())
            continue;
        AgendaEntry &entry = entries[*row];
        entry.planSession = ofTemplate.arg(query.integer(1)).arg(query.integer(2));
        // Judged only after a previous session that took place or still holds its slot, and not when the
        // early booking was overridden with a reason.
        const bool previousDated = query.integer(10) != 0;
        if (previousDated && query.text(5).isEmpty()) {
            const qint64 previousAt = query.isNull(6) ? query.integer(7) : query.integer(6);
            entry.outsideWindow =
                outsideWindow(time, previousAt, query.integer(9), int(query.integer(3)), int(query.integer(4)));
        }
    }
}

} // namespace dermdesk
