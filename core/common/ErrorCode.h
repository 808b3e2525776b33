#pragma once

#include "Error.h"

#include <QString>

namespace dermdesk {

// The refusals a caller may branch on, as typed values. Each has one stable text ("rule.screening.caution"),
// which Error::code() carries for the command line's JSON and messages; code that decides what to do next
// asks error_code::is(error, ErrorCode::...) instead of comparing that text. Refusals are made with
// error_code::rule(ErrorCode::..., message), so each text is written once, in ErrorCode.cpp.
enum class ErrorCode {
    // Not one of the codes below (Error::code() still says which it is).
    Unlisted,

    // Booking, moving and resizing (BookingRules, BookingService).
    InputStartPast,       // input.start.past: a start before now, not confirmed
    PatientArchived,      // rule.patient.archived
    PractitionerInactive, // rule.practitioner.inactive
    RoomInactive,         // rule.room.inactive
    TypeInactive,         // rule.type.inactive
    PractitionerType,     // rule.practitioner.type: does not perform the type
    RoomType,             // rule.room.type: cannot host the type
    RoomRequired,         // rule.room.required
    HoursPractitioner,    // rule.hours.practitioner
    HoursClinic,          // rule.hours.clinic
    Blockout,             // rule.blockout
    OverlapPractitioner,  // rule.overlap.practitioner
    OverlapRoom,          // rule.overlap.room
    OverlapPatient,       // rule.overlap.patient

    // The status machine (appointment_status).
    StatusTransition, // rule.status.transition: not a step the machine allows
    StatusFinal,      // rule.status.final: completed, cancelled or no-show cannot move
    StatusTooEarly,   // rule.status.too_early: no-show before the start
    StatusChanged,    // rule.status.changed: someone else changed it since (undo)

    // Screening (BookingScreening).
    ScreeningStop,    // rule.screening.stop
    ScreeningCaution, // rule.screening.caution: needs an acknowledgement

    // Treatment plans (CourseBooker, SessionMoveRule).
    PlanIntervalMin, // rule.plan.interval_min: earlier than the plan's minimum interval, no reason given
};

namespace error_code {

// The stable text of a listed code ("rule.overlap.room"); empty for Unlisted.
[[nodiscard]] QString text(ErrorCode code);
// The listed code with that text, or Unlisted.
[[nodiscard]] ErrorCode fromText(const QString &text);
// The part after "rule." or "input." ("overlap.room"), as Error::field() names the rule.
[[nodiscard]] QString field(ErrorCode code);

// The typed form of error.code(): Unlisted for a code not listed above (whichever way the Error was made, e.g.
// rebuilt with "Session 2 of 6:" before its message, or mapped from the database's overlap triggers).
[[nodiscard]] ErrorCode of(const Error &error);
// Whether `error` is the listed refusal `code` (never true for Unlisted).
[[nodiscard]] bool is(const Error &error, ErrorCode code);
// A listed refusal of kind Rule: the code's text, its rule as the field, and `message`.
[[nodiscard]] Error rule(ErrorCode code, const QString &message);

} // namespace error_code
} // namespace dermdesk
