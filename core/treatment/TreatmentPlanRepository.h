#pragma once

#include "PlanSummary.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// Reads treatment plans. Read-only for now.
class TreatmentPlanRepository
{
public:
    explicit TreatmentPlanRepository(const Database &database, const Clock &clock = Clock::system());

    // The proposed and active plans of patients who are not archived: those with a next session
    // first (soonest first), then those without one, by patient name. Uses treatment_plan(status).
    [[nodiscard]] Result<QList<PlanSummary>> openPlans() const;
    // Every plan of one patient (any status, archived patient too), newest first. Uses treatment_plan(patient_id).
    [[nodiscard]] Result<QList<PlanSummary>> plansOfPatient(qint64 patientId) const;

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
