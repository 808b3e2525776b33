#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace dermdesk {

// A course of treatment as the plan list shows it.
struct PlanSummary
{
    enum class Status {
        Proposed,
        Active,
        Completed,
        Stopped
    };

    qint64 id = 0;
    qint64 patientId = 0;
    QString patientName;
    QString typeName;
    QString concerns;
    QString areas;
    QString practitionerName;
    Status status = Status::Proposed;
    int sessionsPlanned = 0;
    // Sessions performed (recorded, or their appointment completed).
    int sessionsDone = 0;
    // The next booked session that still holds its slot, as UTC Unix seconds.
    std::optional<qint64> nextSessionAt;
    // The signed consent's form version and local date; the date is invalid when none is recorded.
    QString consentFormVersion;
    QDate consentDate;

    // "proposed", "active", "completed", "stopped": the stored code.
    [[nodiscard]] static std::optional<Status> statusFromCode(const QString &code);
    [[nodiscard]] static QString statusDisplayName(Status status);
};

} // namespace dermdesk
