#pragma once

#include "PlanSummary.h"
#include "TreatmentPlan.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// Reads and writes treatment plans. Every write runs in one BEGIN IMMEDIATE transaction and is audited
// (entity "treatment_plan", before/after); a refusal writes nothing. Errors: InvalidInput naming the field
// (TreatmentPlan::validate's fields, "reason", "consent_form_version", "consent_date"), NotFound "treatment_plan",
// "patient", "practitioner", "appointment_type", Rule rule.patient.archived, rule.plan.type (not a treatment session
// type), rule.practitioner.type, rule.practitioner.inactive, rule.plan.status (a step the plan cannot take).
class TreatmentPlanRepository
{
public:
    explicit TreatmentPlanRepository(const Database &database, const Clock &clock = Clock::system());

    // The proposed and active plans of patients who are not archived: those with a next session
    // first (soonest first), then those without one, by patient name. Uses treatment_plan(status).
    [[nodiscard]] Result<QList<PlanSummary>> openPlans() const;
    // Every plan of one patient (any status, archived patient too), newest first. Uses treatment_plan(patient_id).
    [[nodiscard]] Result<QList<PlanSummary>> plansOfPatient(qint64 patientId) const;

    [[nodiscard]] Result<TreatmentPlan> find(qint64 id) const;
    // Stores a new plan (status proposed unless `plan.status` is active) with its areas; returns it with its id.
    Result<TreatmentPlan> create(TreatmentPlan plan);
    // Saves everything but the status and the consent (changeStatus(), recordConsent()). Fewer planned
    // sessions than already booked or performed is refused ("sessions").
    Status update(const TreatmentPlan &plan);
    // proposed → active | stopped, active → completed | stopped; stopped needs `reason` ("reason").
    Status changeStatus(qint64 id, PlanSummary::Status to, const QString &reason = {});
    // Inside the caller's transaction (booking its first sessions): a proposed plan becomes active, audited as a
    // status change; nothing for a plan in any other status.
    Status activateIfProposed(qint64 id);
    // Records the signed consent: form version (non-blank, at most maxConsentFormVersionLength characters,
    // "consent_form_version") and the local date in the clinic's zone it was signed (valid, not after today,
    // "consent_date"), with the current actor as who recorded it. Audited as "consent" (before/after).
    Status recordConsent(qint64 id, const QString &formVersion, const QDate &date);

    // The longest consent form version, as Clinic Settings also allows.
    static constexpr int maxConsentFormVersionLength = 40;

private:
    // The plans matching `where` (over tp, the plan, and p, its patient) in `order`, with their sessions done and
    // next session; `sessionsWhere` is the same filter over tp alone. Each has at most one '?', bound to
    // `patientId` when given.
    [[nodiscard]] Result<QList<PlanSummary>> summaries(const QString &where, const QString &sessionsWhere,
                                                       const QString &order,
                                                       std::optional<qint64> patientId = std::nullopt) const;
    // The highest session number that is performed or holds a booked slot (0 when none).
    [[nodiscard]] Result<int> lastTakenSequence(qint64 planId) const;
    // Patient, type and practitioner exist and suit a plan.
    [[nodiscard]] Status checkReferences(const TreatmentPlan &plan) const;
    Status writeAreas(const TreatmentPlan &plan) const;
    Status audit(const QString &action, qint64 id, const QJsonObject &details) const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
