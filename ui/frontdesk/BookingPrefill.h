#pragma once

#include "patients/PatientSummary.h"

#include <optional>

namespace dermdesk::ui {

// What the booking form starts from, e.g. the empty slot someone clicked in the schedule or a slot
// found by FindSlotDialog. Every field is optional; the form fills the rest from the set-up.
struct BookingPrefill
{
    std::optional<PatientSummary> patient;
    std::optional<qint64> typeId;
    std::optional<qint64> practitionerId;
    // A room to use; without one the form picks a free suitable room ("Automatic").
    std::optional<qint64> roomId;
    // Start of the visit, UTC Unix seconds.
    std::optional<qint64> startsAt;
};

} // namespace dermdesk::ui
