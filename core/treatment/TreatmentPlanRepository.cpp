#include "TreatmentPlanRepository.h"

#include "patients/PatientSummary.h"
#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

TreatmentPlanRepository::TreatmentPlanRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

namespace {

// The plan columns readPlans() expects, for plans matching `where` in `order`; binds :now.
QString planQuery(const QString &where, const QString &order)
{
    return QStringLiteral(
               "SELECT tp.id, tp.patient_id, p.given_name, p.family_name, p.preferred_name, t.name, tp.concerns, "
               "tp.areas, pr.display_name, tp.status, tp.planned_sessions, "
               "(SELECT count(*) FROM treatment_session s LEFT JOIN appointment a ON a.id = s.appointment_id "
               " WHERE s.plan_id = tp.id AND (s.performed_at IS NOT NULL OR a.status = 'completed')) AS done, "
               "(SELECT min(a.starts_at) FROM treatment_session s JOIN appointment a ON a.id = s.appointment_id "
               " WHERE s.plan_id = tp.id AND a.starts_at >= :now AND s.performed_at IS NULL "
               " AND a.status NOT IN ('cancelled', 'no_show', 'completed')) AS next_at "
               "FROM treatment_plan tp "
               "JOIN patient p ON p.id = tp.patient_id "
               "JOIN appointment_type t ON t.id = tp.type_id "
               "LEFT JOIN practitioner pr ON pr.id = tp.lead_practitioner_id "
               "WHERE %1 ORDER BY %2")
        .arg(where, order);
}

Result<QList<PlanSummary>> readPlans(QSqlQuery &query)
{
    if (!query.exec())
        return sqlError(query.lastError(), QCoreApplication::translate("dermdesk::TreatmentPlanRepository",
                                                                       "Reading the treatment plans"));
    QList<PlanSummary> plans;
    while (query.next()) {
        PlanSummary plan;
        plan.id = query.value(0).toLongLong();
        plan.patientId = query.value(1).toLongLong();
        plan.patientName =
            PatientSummary::fullName(query.value(2).toString(), query.value(3).toString(), query.value(4).toString());
        plan.typeName = query.value(5).toString();
        plan.concerns = query.value(6).toString();
        plan.areas = query.value(7).toString();
        plan.practitionerName = query.value(8).toString();
        plan.status = PlanSummary::statusFromCode(query.value(9).toString()).value_or(PlanSummary::Status::Proposed);
        plan.sessionsPlanned = query.value(10).toInt();
        plan.sessionsDone = query.value(11).toInt();
        if (!query.value(12).isNull())
            plan.nextSessionAt = query.value(12).toLongLong();
        plans.append(plan);
    }
    return plans;
}

} // namespace

Result<QList<PlanSummary>> TreatmentPlanRepository::openPlans() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(planQuery(QStringLiteral("tp.status IN ('proposed', 'active') AND p.archived = 0"),
                            QStringLiteral("next_at IS NULL, next_at, p.family_name, p.given_name, tp.id")));
    query.bindValue(QStringLiteral(":now"), m_clock.now().toSecsSinceEpoch());
    return readPlans(query);
}

Result<QList<PlanSummary>> TreatmentPlanRepository::plansOfPatient(qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        planQuery(QStringLiteral("tp.patient_id = :patient"), QStringLiteral("tp.created_at DESC, tp.id DESC")));
    query.bindValue(QStringLiteral(":now"), m_clock.now().toSecsSinceEpoch());
    query.bindValue(QStringLiteral(":patient"), patientId);
    return readPlans(query);
}

} // namespace dermdesk
