#pragma once

#include "calendar/BookingRequest.h"
#include "calendar/BookingService.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QString>

#include <optional>

namespace dermdesk {

class Database;

// The plan's minimum-interval rule for MOVING an appointment that holds a treatment-plan session (the
// calendar core knows nothing of plans; the schedule and `dermdesk-cli move` go through this class).
//
// A move is refused as rule.plan.interval_min, naming the session ("Session 3 of 5"), its new date, the
// previous session and the window, when the session's new local date (clinic zone) is before its window
// opens (the previous dated session's date + the plan's minimum weeks, as IntervalWindow judges) AND earlier
// than the date it has now; unless an override reason is given, which is then stored on the session
// (treatment_session.interval_override_reason) and audited in the same transaction as the move. A session
// already flagged early that stays on its day or moves later is not refused and keeps its reason; one moved to
// where it is no longer early loses its reason (audited as "interval_override_cleared"), so an old reason never
// hides a later flag. Moving later than the maximum is never refused: the session (and any later one) is then
// flagged, as the plan's sessions are judged when read. Appointments that hold no plan session are not affected.
//
// Use on the Database's thread; the Database and the Clock must outlive the rule.
class SessionMoveRule
{
public:
    explicit SessionMoveRule(const Database &database, const Clock &clock = Clock::system());

    // Judges moving appointment `appointmentId` to start at `newStartsAt` (UTC Unix seconds) without
    // writing: ok, or rule.plan.interval_min as above (ok when `overrideReason` is non-blank). NotFound and
    // Storage errors pass through.
    [[nodiscard]] Status check(qint64 appointmentId, qint64 newStartsAt, const QString &overrideReason = {}) const;

    enum class Mode {
        // A person moves the session: the rule applies.
        Enforce,
        // Undo puts the session back where it was stored before: never refused; an early session keeps
        // whatever reason it has.
        Restore,
    };

    // Moves the appointment through `appointments` (BookingService::rescheduleAll, so every booking rule
    // applies) with the interval rule judged inside the same transaction; when the move needed the override, the
    // reason is stored and audited ("interval_override", entity treatment_session). A refusal writes nothing.
    Result<BookingService::Change> reschedule(BookingService &appointments, qint64 appointmentId,
                                              const RescheduleRequest &request, const QString &overrideReason = {},
                                              Mode mode = Mode::Enforce) const;

    // After appointment `appointmentId` has moved to `startsAt` inside the caller's transaction (a move, or
    // "shift the rest"): a session no longer early loses its stored override reason (audited as
    // "interval_override_cleared"). Nothing to do for other appointments.
    Status settle(qint64 appointmentId, qint64 startsAt) const;

private:
    // Where a move takes a plan session.
    struct Judgement
    {
        // The treatment_session row; 0 when the appointment holds no dated plan session.
        qint64 sessionId = 0;
        // Before its window opens at the new date.
        bool early = false;
        // Set when the move breaks the rule (early, and earlier than before).
        std::optional<Error> refusal;
        // The override reason stored with the session now.
        QString storedReason;
    };
    // Judges appointment `appointmentId` starting at `newStartsAt` instead of `oldStartsAt` (nullopt: the start
    // stored now) against its plan's other sessions as stored.
    [[nodiscard]] Result<Judgement> judge(qint64 appointmentId, std::optional<qint64> oldStartsAt,
                                          qint64 newStartsAt) const;
    // Clears the stored reason of a judged session that is no longer early.
    Status clearStaleReason(const Judgement &judgement, qint64 appointmentId, qint64 startsAt) const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
