#pragma once

#include "calendar/AppointmentStatus.h"

#include <QString>

namespace dermdesk::ui {

// What the schedule's single-key status steps (C confirm, I check in, S start treatment, M complete,
// N no-show) say to the person: why a step does nothing for an appointment, and how the change reads in
// Edit ▸ Undo. Patient names are shown as given.
namespace status_keys {

// Why `from` → `to` is not a step the appointment can take ("Quentin Marlowe is already checked in",
// "A cancelled appointment cannot be checked in"); empty when the status machine allows it.
[[nodiscard]] QString refusal(AppointmentStatus from, AppointmentStatus to, const QString &patientName);
// The step as a command: "Check in Quentin Marlowe", "Mark Quentin Marlowe as a no-show".
[[nodiscard]] QString commandText(AppointmentStatus to, const QString &patientName);
// The step as a verb for questions: "check in", "start the treatment of", ... (lower case).
[[nodiscard]] QString question(AppointmentStatus to, const QString &patientName);
// Whether taking the step on another day than the appointment's deserves a question first (check in, start,
// complete, no-show: things that happen on the day).
[[nodiscard]] bool belongsToTheDay(AppointmentStatus to);

} // namespace status_keys
} // namespace dermdesk::ui
