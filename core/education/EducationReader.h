#pragma once

#include "DowntimeExpectation.h"
#include "PlanOutline.h"
#include "agenda/CourseVisit.h"
#include "common/Result.h"

#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// Reads what patient documents print about a patient's visits and plans. Read-only.
class EducationReader
{
public:
    explicit EducationReader(const Database &database);

    // The patient's visits starting at or after `fromUtc` that still hold their slot, soonest first
    // (at most `limit`).
    [[nodiscard]] Result<QList<CourseVisit>> upcomingVisits(qint64 patientId, qint64 fromUtc, int limit = 40) const;

    // The appointment `appointmentId` and, when it is a session of a treatment plan, the plan's other
    // sessions from it on that still hold their slot, in time order. NotFound for an unknown id.
    struct Card
    {
        qint64 patientId = 0;
        CourseVisit appointment;
        QList<CourseVisit> course;
    };
    [[nodiscard]] Result<Card> card(qint64 appointmentId) const;

    // The patient's proposed and active plans, oldest first.
    [[nodiscard]] Result<QList<PlanOutline>> openPlans(qint64 patientId) const;

    // The downtime expected after the patient's last recorded session before `beforeUtc` (its deepest
    // depth); without one, after a session of an open plan at its deepest planned depth; nullopt when
    // neither is known.
    [[nodiscard]] Result<std::optional<DowntimeExpectation>> expectedDowntime(qint64 patientId, qint64 beforeUtc) const;

private:
    [[nodiscard]] Result<std::optional<DowntimeExpectation>> downtimeForDepth(double depthMm) const;

    const Database &m_database;
};

} // namespace dermdesk
