#pragma once

#include "AppointmentStatus.h"

#include <QString>

#include <optional>

namespace dermdesk {

// One step in an appointment's life, as recorded in appointment_status_change.
struct StatusChange
{
    qint64 appointmentId = 0;
    // Empty for the booking itself.
    std::optional<AppointmentStatus> from;
    AppointmentStatus to = AppointmentStatus::Booked;
    // When it happened, UTC Unix seconds.
    qint64 at = 0;
    // Who did it: the person of the Database's actor (Database::actor(), the session's actor).
    QString actor;
    // The cancellation reason or the note given with the change; may be empty.
    QString reason;
};

} // namespace dermdesk
