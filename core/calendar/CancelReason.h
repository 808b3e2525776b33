#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace dermdesk {

// Why an appointment was cancelled. Stored as a code in appointment.cancel_category.
enum class CancelCategory {
    PatientRequest,
    Illness,
    // The clinic cancelled (practitioner unavailable, closure): never a late cancellation.
    Clinic,
    // Needs a detail saying what happened.
    Other,
};

// A cancellation reason as the receptionist gives it: a category and an optional detail.
struct CancelReason
{
    CancelCategory category = CancelCategory::Other;
    QString detail;
};

namespace cancel_reason {

// Notice shorter than this (in seconds) makes a patient's cancellation a late one.
inline constexpr qint64 lateNoticeSeconds = qint64(24) * 60 * 60;

[[nodiscard]] QList<CancelCategory> all();
// The stored code: "patient_request", "illness", "clinic", "other".
[[nodiscard]] QString toStorage(CancelCategory category);
[[nodiscard]] std::optional<CancelCategory> fromStorage(const QString &code);
// A translated label: "Patient request", "Illness", "Clinic", "Other".
[[nodiscard]] QString label(CancelCategory category);
// The readable text kept in appointment.cancel_reason: the label, then ": detail" when there is one.
[[nodiscard]] QString describe(const CancelReason &reason);
// Reads a reason typed as text: "illness", "illness: fever", "Patient request: moved" (a category code or
// label, optionally followed by ": detail"); anything else is Other with the whole text as detail.
[[nodiscard]] CancelReason parse(const QString &text);
// Whether cancelling at `now` an appointment that starts at `startsAt` (both UTC Unix seconds) is a late
// cancellation: less than lateNoticeSeconds of notice, and not the clinic's own doing.
[[nodiscard]] bool isLate(CancelCategory category, qint64 startsAt, qint64 now);

} // namespace cancel_reason
} // namespace dermdesk
