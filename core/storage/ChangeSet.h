#pragma once

#include <QList>
#include <QSet>
#include <QtGlobal>

namespace dermdesk {

// What one or more commits changed, as a clinic session announces it (ClinicSession::changed): which appointments
// and the time they occupied before and after, which patients, plans and waitlist entries, and whether blockouts or
// the clinic's set-up changed. A view asks the touches...() question for what it shows and reloads only then.
//
// `everything` is set when a commit's changes are not known (a write that left no audit row, or a program that
// bypassed DermDesk): every view reloads. Instants are UTC Unix seconds; spans are half-open [start, end).
struct ChangeSet
{
    struct Span
    {
        qint64 start = 0;
        qint64 end = 0;
        friend bool operator==(const Span &, const Span &) = default;
    };

    bool everything = false;
    // The clinic's set-up: settings, practitioners, rooms, appointment types, screening rules, plan vocabulary,
    // downtime bands, handout templates.
    bool setup = false;
    bool blockouts = false;
    QSet<qint64> appointments;
    QSet<qint64> patients;
    QSet<qint64> plans;
    QSet<qint64> waitlistEntries;
    // The time the changed appointments occupied before the change and occupy after it (cleanup included).
    QList<Span> spans;
    // True when every commit in the set was made through this session (its own connection); false when another
    // window, desk or program made at least one of them.
    bool local = true;

    [[nodiscard]] bool isEmpty() const;
    // Adds `other`'s changes to this one.
    void merge(const ChangeSet &other);

    [[nodiscard]] bool touchesSetup() const { return everything || setup; }
    [[nodiscard]] bool touchesAppointment(qint64 id) const { return everything || appointments.contains(id); }
    [[nodiscard]] bool touchesPatient(qint64 id) const { return everything || patients.contains(id); }
    [[nodiscard]] bool touchesPlan(qint64 id) const { return everything || plans.contains(id); }
    [[nodiscard]] bool touchesWaitlist() const { return everything || !waitlistEntries.isEmpty(); }
    // Whether what the schedule shows in [start, end) may differ now: an appointment span meeting it, a blockout,
    // the set-up, or an unknown change.
    [[nodiscard]] bool touchesSchedule(qint64 start, qint64 end) const;
    // Any appointment, blockout or set-up change, wherever it lies.
    [[nodiscard]] bool touchesAnySchedule() const;
};

} // namespace dermdesk
