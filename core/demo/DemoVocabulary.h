#pragma once

#include "calendar/CancelReason.h"
#include "common/Translation.h"

#include <QString>

namespace dermdesk::demo {

// The words of the demo clinic's records: concerns and areas from the patient guide, reasons,
// notes. Planner and writer share the numbering; the writer asks for the (translated) text.
namespace vocabulary {

// Translates a demo text (context "dermdesk::DemoClinicGenerator", where QT_TRANSLATE_NOOP marks them).
inline constexpr TranslationContext tr("dermdesk::DemoClinicGenerator");

enum Concern {
    Texture,
    FineLines,
    AcneScars,
    Tone,
    StretchMarks,
    ConcernCount
};
enum Area {
    Face,
    Forehead,
    Cheeks,
    Periorbital,
    Perioral,
    Neck,
    Abdomen,
    Thighs,
    Hips,
    UpperArms,
    AreaCount
};

// Cancellation reasons are numbered from 1.
enum Cancellation {
    PatientRequest = 1,
    Illness,
    ClinicRescheduled,
    LateCancellation,
    CancellationCount
};
// Plan stop reasons are numbered from 1.
enum StopReason {
    NoTimeInInterval = 1,
    MovedAway,
    Pregnancy,
    SatisfiedEarly,
    StopReasonCount
};
// Appointment notes: 0 is none; consultation notes first, then session notes.
enum Note {
    NoNote,
    ReferredByFriend,
    FoundOnline,
    EventComing,
    SkincareList,
    GentleAroundEyes,
    NoteCount
};

[[nodiscard]] QString concernName(int concern);
[[nodiscard]] QString areaName(int area);
// The depth (mm) a plan starts from for `area`, deeper on the cheeks for acne scars; 0.5..2.0.
[[nodiscard]] double plannedDepthMm(int area, quint32 concernBits);
// The depth (mm) used on `area` in session `sequence` (1-based) of a course: a quarter
// millimetre deeper for each of the first sessions where the skin is not thin; 0.5..2.0.
[[nodiscard]] double sessionDepthMm(int area, quint32 concernBits, int sequence);
// The areas a plan for `concernBits` treats (bits of Area); `withNeck` adds the neck.
[[nodiscard]] quint32 areasFor(quint32 concernBits, bool withNeck);
// Comma-separated names of the set bits of `bits`, in numbering order.
[[nodiscard]] QString concernList(quint32 bits);
[[nodiscard]] QString areaList(quint32 bits);
[[nodiscard]] QString goalsFor(quint32 concernBits);

// What a performed session records, by index (devices and lot prefixes share one numbering).
enum SessionTexts {
    DeviceCount = 3,
    NumbingCount = 2,
    ProductsCount = 2,
    ReactionCount = 6,
    SessionNoteCount = 3
};
[[nodiscard]] QString device(int index);
[[nodiscard]] QString lotPrefix(int index);
[[nodiscard]] QString numbing(int index);
[[nodiscard]] QString products(int index);
// A treatment_session.reaction code: none, mild_redness, ...
[[nodiscard]] QString reaction(int index);
// 0 is none.
[[nodiscard]] QString sessionNote(int index);

// The category and detail of cancellation reason `reason` (1..CancellationCount-1). A late
// cancellation is a patient's request with little notice: appointment.late_cancel says so.
[[nodiscard]] CancelReason cancelReason(int reason);
[[nodiscard]] QString stopReason(int reason);
[[nodiscard]] QString appointmentNote(int note);
// What a patient added to a "yes" to the screening question with code `questionCode` ("anticoagulants":
// "Apixaban, daily"); empty for a code the demo has no words for.
[[nodiscard]] QString screeningDetail(const QString &questionCode);

} // namespace vocabulary
} // namespace dermdesk::demo
