#pragma once

#include "Appointment.h"
#include "FreedSlot.h"
#include "WaitlistEntry.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// The waitlist: patients who want an earlier slot. Entries are never deleted; they end as booked or
// removed (with a reason). Every write runs in one BEGIN IMMEDIATE transaction and is audited. Use on
// the Database's thread; the Database and the Clock must outlive the repository.
class WaitlistRepository
{
public:
    explicit WaitlistRepository(const Database &database, const Clock &clock = Clock::system());

    // Validates and stores a new active entry; returns its id. Errors: InvalidInput "earliest_date",
    // "latest_date" (missing or before the earliest), "weekdays", "time_of_day"; NotFound "patient",
    // "appointment_type", "practitioner"; Rule rule.patient.archived, rule.practitioner.type.
    Result<qint64> add(const WaitlistEntry &entry);
    [[nodiscard]] Result<WaitlistEntry> find(qint64 id) const;
    // Entries oldest request first; by default only the active ones.
    [[nodiscard]] Result<QList<WaitlistEntry>> list(bool activeOnly = true) const;
    // Takes an active entry off the list; the reason is required (input.reason). rule.waitlist.not_active
    // when it is no longer active.
    Status remove(qint64 id, const QString &reason);
    // Records that the entry was served by `appointmentId` (which must exist and belong to the same patient).
    Status markBooked(qint64 id, qint64 appointmentId);

    // Someone who could take a freed slot, with the appointment to book for them: pass its fields to
    // BookingService::book(), then markBooked() with the new id.
    struct Offer
    {
        WaitlistEntry entry;
        // The proposed appointment (id 0): starts inside the freed slot, passes every booking rule.
        Appointment proposal;
    };

    // The active entries that could take `slot`, best first. An entry matches when its type can be booked
    // with the slot's practitioner starting inside the slot (on the clinic's grid from the slot's start,
    // the room kept or another picked, every BookingRules rule passing, the patient free), its
    // practitioner preference is empty or that practitioner, and the start falls within its dates,
    // weekdays and time of day. Best first: entries that asked for this practitioner, then the earliest
    // request (created first), then the lowest id.
    [[nodiscard]] Result<QList<Offer>> offersFor(const FreedSlot &slot) const;

private:
    Status setStatus(qint64 id, WaitlistEntry::Status status, const QString &reason,
                     std::optional<qint64> appointmentId);

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
