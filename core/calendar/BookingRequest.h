#pragma once

#include <QString>

#include <optional>

namespace dermdesk {

// What the receptionist asks for when booking. Instants are UTC Unix seconds: convert a local
// wall-clock entry with ClinicTime::toUtc(day, minute, QStringLiteral("start")), which refuses a time
// skipped by daylight saving and names the field. Fields left empty come from the appointment type.
struct BookingRequest
{
    qint64 patientId = 0;
    qint64 practitionerId = 0;
    qint64 typeId = 0;
    // Empty: the first suitable free room (in the rooms' sort order) is picked when the type needs one.
    std::optional<qint64> roomId;
    // Start of the visit, preparation included.
    qint64 startsAt = 0;
    // End of the visit; when set it overrides durationMin (the visit is [startsAt, endsAt)).
    std::optional<qint64> endsAt;
    // The treatment itself, in minutes; the visit lasts prepMin + durationMin.
    std::optional<int> durationMin;
    std::optional<int> prepMin;
    std::optional<int> cleanupMin;
    QString notes;
    // A start before now is refused ("input.start.past") unless the person confirmed it.
    bool allowPast = false;
    // Why the person books a treatment session although screening cautions apply on its date (e.g. "Discussed
    // with Dr. Hiers; INR checked"). Empty: a caution refuses the booking ("rule.screening.caution"). The reason
    // and the rules it answers are written to the audit log with the booking.
    QString acknowledgement;
};

// Moving, resizing or reassigning an appointment; empty fields keep their current value. The
// appointment keeps its id, its status and its history. Instants are UTC Unix seconds.
struct RescheduleRequest
{
    // New start; without endsAt the visit keeps its length.
    std::optional<qint64> startsAt;
    // New end of the visit (resize).
    std::optional<qint64> endsAt;
    std::optional<qint64> practitionerId;
    // A room to use. Without one the current room is kept while it still suits the type and is free at
    // the new time; otherwise the first suitable free room is picked (a type that needs no room then
    // goes without).
    std::optional<qint64> roomId;
    // A new start before now is refused unless the person confirmed it.
    bool allowPast = false;
    // Why a treatment session moves to another local date although screening cautions apply there; empty: such
    // a move is refused (rule.screening.caution). A move within the same day needs none (the booking's
    // acknowledgement covers that date). The reason and the rules it answers are audited with the move.
    QString acknowledgement;
};

} // namespace dermdesk
