#pragma once

#include "Appointment.h"
#include "FreedSlot.h"

#include <optional>

namespace dermdesk {

// The result of a change to an appointment: the appointment as stored afterwards, and the time it gave back
// (for waitlist offers) when it was cancelled, marked no-show, or moved to another time, practitioner or room.
struct AppointmentChange
{
    Appointment appointment;
    std::optional<FreedSlot> freed;
};

} // namespace dermdesk
