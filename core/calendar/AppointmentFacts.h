#pragma once

#include "AppointmentStatus.h"

#include <QtGlobal>

#include <optional>

namespace dermdesk {

// What other parts of the clinic need to know of an appointment they refer to (a treatment session's
// appointment, a patient's next visit): whose it is, where and when it is, and its status. Instants are UTC
// Unix seconds; the visit is [startsAt, endsAt).
struct AppointmentFacts
{
    qint64 id = 0;
    qint64 patientId = 0;
    qint64 practitionerId = 0;
    std::optional<qint64> roomId;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    AppointmentStatus status = AppointmentStatus::Booked;

    // Whether it still occupies its slot (appointment_status::holdsSlot).
    [[nodiscard]] bool holdsSlot() const { return appointment_status::holdsSlot(status); }
    // Booked and not yet over: it holds its slot and is not completed.
    [[nodiscard]] bool isAhead() const { return holdsSlot() && status != AppointmentStatus::Completed; }
};

// Two live appointments of two patients whose visits overlap in time (AppointmentRepository::firstOverlap).
struct AppointmentOverlap
{
    qint64 firstId = 0;
    qint64 secondId = 0;
    // The first appointment's start, UTC Unix seconds.
    qint64 startsAt = 0;
};

} // namespace dermdesk
