#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace dermdesk {

// The life of an appointment: booked → confirmed → arrived → in_treatment → completed, or it ends
// as cancelled (a reason is required) or no_show. Only cancelled and no_show free the slot.
enum class AppointmentStatus {
    Booked,
    Confirmed,
    Arrived,
    InTreatment,
    Completed,
    Cancelled,
    NoShow,
};

namespace appointment_status {

// The stored spelling: "booked", "confirmed", "arrived", "in_treatment", "completed", "cancelled", "no_show".
[[nodiscard]] QString toStorage(AppointmentStatus status);
[[nodiscard]] std::optional<AppointmentStatus> fromStorage(const QString &text);
// A translated label for people: "Checked in", "In treatment", "No-show", ...
[[nodiscard]] QString label(AppointmentStatus status);

[[nodiscard]] QList<AppointmentStatus> all();
// Whether the appointment still occupies its practitioner, room and patient.
[[nodiscard]] bool holdsSlot(AppointmentStatus status);
// Whether nothing more can happen to it (completed, cancelled, no_show).
[[nodiscard]] bool isFinal(AppointmentStatus status);
// Whether the status machine allows `from` → `to`.
[[nodiscard]] bool canChange(AppointmentStatus from, AppointmentStatus to);
// The statuses reachable from `from`, in the order a menu should offer them.
[[nodiscard]] QList<AppointmentStatus> nextStatuses(AppointmentStatus from);

} // namespace appointment_status
} // namespace dermdesk
