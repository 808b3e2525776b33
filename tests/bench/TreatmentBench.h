#pragma once

#include <QString>

namespace dermdesk::bench {

class BenchReport;

// The treatment-plan figures (issue 5) on a demo clinic at scale, each the median of repeated runs. "Now" is
// the demo's own present. Run it on a COPY of the demo file: course_propose_ms first stores one new plan.
// course_propose_ms: SeriesPlanner::propose() of a new 6-session, 4–6 week plan with a busy practitioner
// (target: median ≤ 20 ms). recall_list_ms: RecallList::build() over every active plan for today with the
// clinic's horizon (target: median ≤ 50 ms). plan_list_ms:
// TreatmentPlanRepository::openPlans(), the plans list with each plan's sessions done and next session.
void benchTreatment(BenchReport &report, const QString &path, int runs);

} // namespace dermdesk::bench
