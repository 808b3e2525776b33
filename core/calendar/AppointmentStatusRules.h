#pragma once

#include "AppointmentStatus.h"
#include "common/Result.h"

#include <QString>

namespace dermdesk::appointment_status {

// The status machine's refusals (implemented beside the machine in AppointmentStatus.cpp), for BookingService and
// for a desk that wants to say no before asking:
//
// A step from `from` to `to` for an appointment starting at `startsAt`, at `now` (UTC Unix seconds):
// rule.status.transition naming from → to when the machine has no such step; rule.status.too_early for a
// no-show before the start.
[[nodiscard]] Status checkChange(AppointmentStatus from, AppointmentStatus to, qint64 startsAt, qint64 now);
// Moving or resizing: rule.status.final for a completed, cancelled or no-show appointment.
[[nodiscard]] Status checkMovable(AppointmentStatus status);
// Undoing a step: rule.status.changed when the appointment is no longer `expected`.
[[nodiscard]] Status checkStill(AppointmentStatus current, AppointmentStatus expected);

// The stored spellings of the statuses that free the slot, as an SQL list for "status NOT IN (...)":
// "'cancelled', 'no_show'". Built from holdsSlot(), so SQL and C++ ask the one rule.
[[nodiscard]] const QString &slotFreeingSqlList();

} // namespace dermdesk::appointment_status
