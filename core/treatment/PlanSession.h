#pragma once

#include "calendar/AppointmentStatus.h"

#include <QDate>
#include <QString>

#include <optional>

namespace dermdesk {

// Where a session lies against its interval window (the previous session's date plus the plan's
// minimum .. maximum weeks, local calendar days in the clinic's zone).
enum class SessionTiming {
    // No date yet (never booked, or its appointment was cancelled or missed).
    Unscheduled,
    // The first session, or one after an unscheduled one: no window applies.
    NoWindow,
    InWindow,
    // Before the window opens: earlier than the minimum interval.
    Early,
    // After the window closes: later than the maximum interval.
    Late,
};

// One session of a plan as the schedule and the planner see it (treatment_session joined with its
// appointment). Instants are UTC Unix seconds; dates are local to the clinic.
struct PlanSession
{
    qint64 sessionId = 0;
    int sequence = 0;
    std::optional<qint64> appointmentId;
    std::optional<AppointmentStatus> appointmentStatus;
    qint64 practitionerId = 0;
    std::optional<qint64> roomId;
    // Set while the appointment holds its slot or was completed (or the session was recorded).
    std::optional<qint64> startsAt;
    std::optional<qint64> endsAt;
    // Recorded by the practitioner, or its appointment completed.
    bool performed = false;
    QString intervalOverrideReason;
    // The window after the previous dated session; invalid for NoWindow and Unscheduled.
    QDate windowStart;
    QDate windowEnd;
    QDate date;
    SessionTiming timing = SessionTiming::Unscheduled;

    [[nodiscard]] bool isDated() const { return startsAt.has_value(); }
    // Booked and still ahead of treatment (can be moved by "shift the rest").
    [[nodiscard]] bool isMovable() const { return startsAt && !performed; }
    [[nodiscard]] bool outsideWindow() const { return timing == SessionTiming::Early || timing == SessionTiming::Late; }
};

} // namespace dermdesk
