#pragma once

#include "AppointmentStatus.h"
#include "CancelReason.h"

#include <QString>

#include <optional>

namespace dermdesk {

// One stored appointment. Instants are UTC Unix seconds. The patient's visit is [startsAt, endsAt)
// and begins with prepMin of preparation (numbing); for cleanupMin after endsAt the practitioner and
// the room stay busy but the patient is free.
struct Appointment
{
    qint64 id = 0;
    qint64 patientId = 0;
    qint64 practitionerId = 0;
    // Empty for appointment types that need no room.
    std::optional<qint64> roomId;
    qint64 typeId = 0;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    int prepMin = 0;
    int cleanupMin = 0;
    AppointmentStatus status = AppointmentStatus::Booked;
    // Set once cancelled (appointments cancelled before schema version 2 have only cancelReason).
    std::optional<CancelCategory> cancelCategory;
    // The readable reason, "Illness: fever" (see cancel_reason::describe); empty unless cancelled.
    QString cancelReason;
    // Cancelled by the patient with less than 24 hours' notice.
    bool lateCancel = false;
    QString notes;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    // The end of the time the practitioner and the room are occupied: endsAt plus cleanup.
    [[nodiscard]] qint64 busyUntil() const { return endsAt + 60 * qint64(cleanupMin); }
    // The visit's length in whole minutes, preparation included.
    [[nodiscard]] int visitMinutes() const { return int((endsAt - startsAt) / 60); }
    // Whether the appointment still occupies its practitioner, room and patient.
    [[nodiscard]] bool holdsSlot() const { return appointment_status::holdsSlot(status); }
};

} // namespace dermdesk
