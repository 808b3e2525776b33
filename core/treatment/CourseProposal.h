#pragma once

#include "PlanSession.h"
#include "patients/ScreeningOutcome.h"

#include <QDate>
#include <QList>

#include <optional>

namespace dermdesk {

// One session the series planner proposes to book (or, for "shift the rest", to move). Instants are UTC
// Unix seconds; dates are local to the clinic.
struct ProposedSession
{
    int sequence = 0;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    qint64 practitionerId = 0;
    std::optional<qint64> roomId;
    QDate date;
    // The window after the previous session; invalid for a first session.
    QDate windowStart;
    QDate windowEnd;
    SessionTiming timing = SessionTiming::NoWindow;
    // Set by the person rather than proposed (kept when the later sessions re-plan).
    bool chosen = false;
    // The booked appointment this proposal moves ("shift the rest"); empty for a new booking.
    std::optional<qint64> appointmentId;
    // Screening cautions on this date, to acknowledge with a reason when booking.
    QList<ScreeningFinding> cautions;
};

// What SeriesPlanner proposes for a plan: its sessions that stay as they are, and the ones to book.
struct CourseProposal
{
    qint64 planId = 0;
    qint64 patientId = 0;
    qint64 typeId = 0;
    int plannedSessions = 0;
    // Every session of the plan in sequence order as stored (performed, booked or not yet booked).
    QList<PlanSession> stored;
    // The sessions to book or move, in sequence order.
    QList<ProposedSession> sessions;

    // A session is earlier than the minimum interval: booking it needs an override reason.
    [[nodiscard]] bool needsIntervalOverride() const
    {
        for (const ProposedSession &session : sessions) {
            if (session.timing == SessionTiming::Early)
                return true;
        }
        return false;
    }
    [[nodiscard]] bool hasCautions() const
    {
        for (const ProposedSession &session : sessions) {
            if (!session.cautions.isEmpty())
                return true;
        }
        return false;
    }
};

} // namespace dermdesk
