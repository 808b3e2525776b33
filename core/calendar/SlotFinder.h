#pragma once

#include "ScheduleSetupCache.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QDate>
#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// Finds the next free times to book an appointment type: a practitioner who performs the type and is
// working, a suitable free room when the type needs one, the patient free too when one is given, inside
// the clinic's opening hours, outside blockouts, never before now, on the clinic's slot grid (local
// wall-clock minutes that are multiples of the slot size). Every slot it returns passes BookingRules.
//
// Fast enough to run as the receptionist types: it loads the set-up once, then one day of appointments
// at a time, and stops as soon as it has enough. Use on the Database's thread; the Database and the Clock
// must outlive it.
class SlotFinder
{
public:
    struct Query
    {
        qint64 typeId = 0;
        // Empty: any active practitioner who performs the type.
        std::optional<qint64> practitionerId;
        // When set, the patient must be free too (and not archived).
        std::optional<qint64> patientId;
        // The window, local dates in the clinic's zone, both inclusive.
        QDate from;
        QDate to;
        // How many slots to return at most (1..200).
        int count = 10;
        // Preferred ISO weekdays (1 = Monday); empty means any day.
        QList<int> weekdays;
        // Preferred time of day, local minutes: the visit lies inside [earliestMinute, latestMinute).
        int earliestMinute = 0;
        int latestMinute = 24 * 60;
        // false: one slot per start time (the first free practitioner in sort order);
        // true: a slot for every free practitioner at each start time.
        bool everyPractitioner = false;
        // With a patient and a treatment type: leave out the dates a screening stop applies to the patient on
        // (booking would be refused there) and list them in Search::leftOut.
        bool leaveOutScreeningStops = false;
    };

    // A bookable time: pass it to BookingService::book() as it is. UTC Unix seconds; the visit is
    // [startsAt, endsAt) (preparation included), the practitioner and room are busy until endsAt + cleanup.
    struct Slot
    {
        qint64 startsAt = 0;
        qint64 endsAt = 0;
        qint64 practitionerId = 0;
        std::optional<qint64> roomId;
    };

    // Consecutive searched dates left out for one screening stop.
    struct LeftOut
    {
        QDate from;
        QDate to;
        // The stop rule's name ("Isotretinoin within 180 days").
        QString rule;
        // The earliest date it clears; invalid when nothing dates its end (a standing yes, missing screening).
        QDate clearsOn;
        // When it clears, as a sentence (ScreeningEvaluator::clearsText).
        QString clears;
    };
    struct Search
    {
        QList<Slot> found;
        // In date order; only dates the search passed over before it had enough slots.
        QList<LeftOut> leftOut;
    };

    explicit SlotFinder(const Database &database, const Clock &clock = Clock::system());

    // The first `count` free slots in time order (then practitioner sort order). Errors: InvalidInput
    // "from"/"to" (missing, reversed, longer than maxWindowDays), "count", "time_of_day", "weekdays";
    // NotFound "appointment_type", "practitioner", "patient"; Rule rule.type.inactive,
    // rule.practitioner.inactive, rule.practitioner.type, rule.patient.archived.
    [[nodiscard]] Result<QList<Slot>> find(const Query &query) const;
    // find() on `setup`, which the caller read from setup() for the one operation it is carrying out (a course
    // proposal searching session after session): the set-up is not asked about changes again for each search.
    [[nodiscard]] Result<QList<Slot>> find(const Query &query, const ScheduleSetup &setup) const;
    // find() with the dates left out for screening stops (Query::leaveOutScreeningStops).
    [[nodiscard]] Result<Search> search(const Query &query) const;
    // The left-out dates as one translated sentence for the person searching, dates in the desk's locale
    // ("Left out for screening stops: 2 Dec 2026 – 6 Dec 2026, Isotretinoin within 180 days; it clears on
    // 1 May 2027."); empty when nothing was left out.
    [[nodiscard]] static QString describe(const QList<LeftOut> &leftOut);

    // The clinic's set-up the finder searches with (read again only after a change, see ScheduleSetupCache), for a
    // caller that needs it beside its searches without reading it a second time.
    [[nodiscard]] Result<ScheduleSetup> setup() const;

    // The longest window one search covers, in days.
    static constexpr int maxWindowDays = 366;

private:
    [[nodiscard]] Result<Search> search(const Query &query, const ScheduleSetup &setup) const;

    const Database &m_database;
    const Clock &m_clock;
    // Keep one finder while the receptionist types: the set-up is read again only after a change.
    ScheduleSetupCache m_setupCache;
};

} // namespace dermdesk
