#pragma once

#include "Appointment.h"
#include "BlockoutOccurrence.h"
#include "ScheduleSetup.h"
#include "common/Result.h"

#include <QDate>
#include <QHash>
#include <QList>

#include <optional>

namespace dermdesk {

// An appointment on the clinic's wall clock: minutes since local midnight of `date`. The end minutes
// exceed 1440 when the appointment runs past midnight. On daylight-saving days these are wall-clock
// readings, so a visit across the skipped hour spans fewer real minutes than the readings suggest.
struct LocalSpan
{
    QDate date;
    int startMin = 0;
    // End of the visit.
    int endMin = 0;
    // End of the practitioner's and the room's busy time (cleanup included).
    int busyEndMin = 0;
};

// The scheduling rules as pure functions over loaded data: no database, no clock. Each refusal is an
// Error whose code names the rule and whose message says what to change:
//
//   InvalidInput  input.end, input.duration, input.prep, input.cleanup, input.start.past
//   NotFound      not_found.patient, not_found.practitioner, not_found.room, not_found.appointment_type
//   Rule          rule.patient.archived, rule.practitioner.inactive, rule.room.inactive, rule.type.inactive,
//                 rule.practitioner.type (does not perform it), rule.room.type (cannot host it),
//                 rule.room.required (the type needs a room and none was given),
//                 rule.hours.practitioner (outside working hours, cleanup included),
//                 rule.hours.clinic (visit outside opening hours), rule.blockout (names its reason),
//                 rule.overlap.practitioner, rule.overlap.room (cleanup included), rule.overlap.patient
//
// Overlaps follow the database's triggers: only appointments that hold their slot count (cancelled and
// no_show free it), half-open intervals so back-to-back is fine, and a candidate never conflicts with
// an appointment of its own id (so a reschedule does not collide with itself).
//
// Holds references: `setup`, `occupying` and `blockouts` must outlive the BookingRules object and stay
// unchanged while it is used (it indexes `occupying` by practitioner, room and patient when built).
class BookingRules
{
public:
    // `occupying`: the appointments that hold their slot around the candidate's time, e.g.
    // AppointmentRepository::occupying(); others are ignored. `blockouts`: occurrences around it.
    BookingRules(const ScheduleSetup &setup, const QList<Appointment> &occupying,
                 const QList<BlockoutOccurrence> &blockouts);

    // The longest visit the schedule accepts, in minutes (the database's limit too).
    static constexpr int maxVisitMinutes = 12 * 60;
    // The longest preparation or cleanup, in minutes.
    static constexpr int maxBufferMinutes = 120;

    // End after start, visit 1..maxVisitMinutes long, preparation shorter than the visit, buffers in range.
    [[nodiscard]] static Status checkShape(const Appointment &candidate);
    // A start before `now` (UTC Unix seconds) is refused unless the person confirmed it.
    [[nodiscard]] static Status checkNotPast(qint64 startsAt, qint64 now, bool allowPast);
    // `archived` is the patient row's flag, or nullopt when there is no such patient.
    [[nodiscard]] static Status checkPatient(qint64 patientId, std::optional<bool> archived);

    // Practitioner, type and room exist and are active; the practitioner performs the type; the room
    // (when there is one) hosts it. A type that needs a room without one is refused as rule.room.required.
    // With `roomPending` a missing room is not refused (the caller picks one with chooseRoom() next).
    [[nodiscard]] Status checkResources(const Appointment &candidate, bool roomPending = false) const;
    // The practitioner's busy time [start, end + cleanup) lies inside one span of their working hours,
    // and the visit [start, end) inside one span of the clinic's opening hours, on the local day it starts.
    [[nodiscard]] Status checkHours(const Appointment &candidate) const;
    [[nodiscard]] Status checkHours(const Appointment &candidate, const LocalSpan &local) const;
    // No clinic-wide, practitioner or room blockout overlaps the busy time [start, end + cleanup).
    [[nodiscard]] Status checkBlockouts(const Appointment &candidate) const;
    // No other appointment holding its slot overlaps for the practitioner or the room (cleanup of both
    // included) or for the patient (visits only).
    [[nodiscard]] Status checkOverlaps(const Appointment &candidate) const;

    // Every rule above except the patient and the past, in the order listed; the first refusal wins.
    // `roomPending` as for checkResources().
    [[nodiscard]] Status check(const Appointment &candidate, bool roomPending = false) const;

    // The room is neither blocked nor busy during the candidate's busy time (whatever room it has now).
    [[nodiscard]] Status checkRoomFree(const Appointment &candidate, qint64 roomId) const;
    // The room is active and hosts the candidate's type.
    [[nodiscard]] bool roomSuits(qint64 roomId, qint64 typeId) const;

    // For a type that needs a room: the first room in sort order that is active, hosts the type, and is
    // neither blocked nor busy during [start, end + cleanup). nullopt for a type that needs no room.
    // Refused with rule.room.type when no active room hosts the type, otherwise with the first suitable
    // room's refusal (rule.overlap.room or rule.blockout).
    [[nodiscard]] Result<std::optional<qint64>> chooseRoom(const Appointment &candidate) const;

    // The candidate on the clinic's wall clock.
    [[nodiscard]] LocalSpan localSpan(const Appointment &candidate) const;

    // The predicates the checks above are made of, without building messages: for hot loops such as
    // SlotFinder. Each "what conflicts" lookup returns null when nothing does.
    [[nodiscard]] bool withinClinicHours(const LocalSpan &local) const;
    [[nodiscard]] bool withinWorkingHours(qint64 practitionerId, const LocalSpan &local) const;
    // The first blockout occurrence that blocks the candidate's practitioner or room (or the clinic).
    [[nodiscard]] const BlockoutOccurrence *blockoutFor(const Appointment &candidate) const;
    [[nodiscard]] const BlockoutOccurrence *roomBlockout(const Appointment &candidate, qint64 roomId) const;
    [[nodiscard]] const Appointment *practitionerConflict(const Appointment &candidate) const;
    [[nodiscard]] const Appointment *roomConflict(const Appointment &candidate, qint64 roomId) const;
    [[nodiscard]] const Appointment *patientConflict(const Appointment &candidate) const;
    // The first suitable room that is free, as chooseRoom() picks it; nullopt when none is.
    [[nodiscard]] std::optional<qint64> firstFreeRoom(const Appointment &candidate) const;

private:
    [[nodiscard]] Error blockoutRefusal(const BlockoutOccurrence &blockout) const;
    [[nodiscard]] Error roomRefusal(const Appointment &other, qint64 roomId) const;

    // The first appointment in index[key] (positions in m_occupying) that overlaps the candidate, with or
    // without cleanup on both sides.
    [[nodiscard]] const Appointment *firstConflict(const QHash<qint64, QList<qsizetype>> &index, qint64 key,
                                                   const Appointment &candidate, bool withCleanup) const;

    const ScheduleSetup &m_setup;
    const QList<Appointment> &m_occupying;
    const QList<BlockoutOccurrence> &m_blockouts;
    // Positions in m_occupying of the appointments that hold their slot, by practitioner, room and patient.
    QHash<qint64, QList<qsizetype>> m_byPractitioner;
    QHash<qint64, QList<qsizetype>> m_byRoom;
    QHash<qint64, QList<qsizetype>> m_byPatient;
};

} // namespace dermdesk
