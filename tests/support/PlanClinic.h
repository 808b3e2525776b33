#pragma once

#include "ScheduleClinic.h"
#include "treatment/TreatmentPlan.h"
#include "treatment/TreatmentPlanRepository.h"

#include <QSqlQuery>

// Treatment-plan fixtures on top of ScheduleClinic.h (New York clinic, Dr. Hiers = practitioner 1,
// type 1 = "Microneedling face", 60 min + 10 cleanup, room 1 or 2).
namespace dermdesk::test {

// A plan for patient 1: type 1 with Dr. Hiers, `sessions` sessions `minWeeks`-`maxWeeks` apart.
inline TreatmentPlan microneedlingPlan(int sessions = 4, int minWeeks = 4, int maxWeeks = 6)
{
    TreatmentPlan plan;
    plan.patientId = 1;
    plan.typeId = 1;
    plan.leadPractitionerId = 1;
    plan.plannedSessions = sessions;
    plan.intervalMinWeeks = minWeeks;
    plan.intervalMaxWeeks = maxWeeks;
    plan.concerns = {QStringLiteral("acne scars")};
    plan.areas = {{QStringLiteral("face"), 1.0}, {QStringLiteral("forehead"), 0.5}};
    return plan;
}

// One integer from `sql` (e.g. a count); -1 on failure.
inline qint64 scalar(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Local "yyyy-MM-dd HH:mm" of a UTC instant in New York.
inline QString newYorkText(qint64 utc)
{
    return ClinicTime(QTimeZone("America/New_York")).toLocal(utc).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace dermdesk::test
