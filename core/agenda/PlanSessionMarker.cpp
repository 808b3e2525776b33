#include "PlanSessionMarker.h"

#include "treatment/IntervalWindow.h"

#include <QCoreApplication>

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

PlanSessionMarker::PlanSessionMarker(const ClinicTime &time)
    : m_time(time)
    , m_ofTemplate(QCoreApplication::translate("dermdesk::ScheduleModel", "%1 of %2"))
{
}

void PlanSessionMarker::mark(AgendaEntry &entry, const PlanSessionFacts &facts)
{
    // Sessions and plan sizes are small (at most 20), so one key holds both.
    const int key = facts.sequence * 1000 + facts.planned;
    QString &label = m_labels[key];
    if (label.isNull())
        label = m_ofTemplate.arg(facts.sequence).arg(facts.planned);
    entry.planSession = label;
    entry.outsideWindow = facts.previousAt && !facts.overridden
                          && outsideWindow(m_time, *facts.previousAt, entry.startsAt, facts.minWeeks, facts.maxWeeks);
}

} // namespace dermdesk
