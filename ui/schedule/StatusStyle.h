#pragma once

#include "calendar/AppointmentStatus.h"

#include <QColor>
#include <QIcon>

namespace dermdesk::ui {

// How an appointment status looks: a colour and a glyph icon, so it reads without colour vision.
namespace status_style {

[[nodiscard]] QColor colour(AppointmentStatus status);
// A glyph in the status colour: ○ booked, ✓ confirmed, → arrived, ◐ in treatment, ● completed,
// ✕ cancelled, ! no-show.
[[nodiscard]] QIcon icon(AppointmentStatus status);
// Whether the appointment is over without taking place (drawn muted and struck through).
[[nodiscard]] bool isVoid(AppointmentStatus status);

} // namespace status_style
} // namespace dermdesk::ui
