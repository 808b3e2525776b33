#pragma once

#include "PlanSummary.h"
#include "common/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dermdesk {

// One treatment area of a plan and the needle depth planned for it, in millimetres (0.25–3.0).
struct PlanArea
{
    QString area;
    std::optional<double> plannedDepthMm;
    friend bool operator==(const PlanArea &, const PlanArea &) = default;
};

// A course of microneedling sessions for one patient (treatment_plan and treatment_plan_area rows).
struct TreatmentPlan
{
    // The needle depths the clinic records, in millimetres.
    static constexpr double minDepthMm = 0.25;
    static constexpr double maxDepthMm = 3.0;
    static constexpr int maxSessions = 20;
    static constexpr int maxIntervalWeeks = 52;

    qint64 id = 0;
    qint64 patientId = 0;
    // Empty: any practitioner who performs the type.
    std::optional<qint64> leadPractitionerId;
    // The appointment type every session is booked as.
    qint64 typeId = 0;
    // Names from treatment_concern ("acne scars"); stored comma-separated.
    QStringList concerns;
    QList<PlanArea> areas;
    int plannedSessions = 4;
    // Each session lies between these many weeks after the previous one (local calendar days × 7).
    int intervalMinWeeks = 4;
    int intervalMaxWeeks = 6;
    PlanSummary::Status status = PlanSummary::Status::Proposed;
    QString stopReason;
    QString goals;
    QString notes;
    QString consentFormVersion;
    // Local date in the clinic's zone; invalid when no consent is recorded.
    QDate consentDate;
    QString consentRecordedBy;
    // Preferred ISO weekdays as a bit set (bit 0 = Monday ... bit 6 = Sunday); 0 = any day.
    int preferredWeekdays = 0;
    // Preferred time of day, local minutes [start, end); both empty = any time.
    std::optional<int> preferredStartMin;
    std::optional<int> preferredEndMin;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    // The shape of the plan without the database: patient and type given, sessions 1..maxSessions, intervals
    // 1..52 weeks with min <= max, depths in range, preferred times inside one day, a reason when stopped.
    // InvalidInput naming the field ("patient", "type", "sessions", "interval", "depth", "areas",
    // "preferred_time", "reason").
    [[nodiscard]] Status validate() const;
    // The preferred weekdays as ISO numbers (1 = Monday), empty for any day.
    [[nodiscard]] QList<int> preferredWeekdayList() const;
    // The areas joined for display: "face 1.0 mm, neck 0.5 mm".
    [[nodiscard]] QString areasText() const;
    // A depth as the forms show it: "1.0 mm", "0.25 mm".
    [[nodiscard]] static QString depthText(double mm);
    // InvalidInput "depth" when `mm` is outside minDepthMm..maxDepthMm; `where` names the area.
    [[nodiscard]] static Status checkDepth(double mm, const QString &where);
    // "4-6" → {4, 6}; InvalidInput "interval" otherwise (min above max, zero, over 52).
    [[nodiscard]] static Result<std::pair<int, int>> parseInterval(const QString &text);
    [[nodiscard]] static QString statusCode(PlanSummary::Status status);
};

} // namespace dermdesk
