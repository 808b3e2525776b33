#pragma once

#include "CourseProposal.h"
#include "TreatmentPlan.h"
#include "calendar/Appointment.h"
#include "calendar/BookingRequest.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// Books what SeriesPlanner proposes. A whole course lands in ONE transaction
// (BookingService::bookAll): every appointment, its treatment_session row, the plan becoming active
// and the audit rows, or nothing at all (a conflict on session 5 books nothing).
//
// A session earlier than the plan's minimum interval after the previous one is refused as
// rule.plan.interval_min (naming the session, its date and the window) unless an override reason is given;
// the reason is stored with the session and audited. Screening cautions need `acknowledgement` as a single
// booking does. A refusal of one appointment is returned with "Session n of N:" before its message and
// its code unchanged (rule.overlap.practitioner, rule.screening.stop, ...). Use on the Database's thread; the
// Database and the Clock must outlive the booker.
class CourseBooker
{
public:
    explicit CourseBooker(const Database &database, const Clock &clock = Clock::system());

    // Books every session of `proposal` (those without an appointmentId) for `plan`.
    Result<QList<Appointment>> bookCourse(const TreatmentPlan &plan, const CourseProposal &proposal,
                                          const QString &intervalOverrideReason = {},
                                          const QString &acknowledgement = {});
    // Books one session of the plan (e.g. again after a cancellation) with the interval rule applied
    // against the session before it. `request.patientId` and `typeId` are taken from the plan.
    Result<Appointment> bookSession(const TreatmentPlan &plan, int sequence, BookingRequest request,
                                    const QString &intervalOverrideReason = {});
    // Moves the booked sessions of a SeriesPlanner::shiftRest() proposal in ONE transaction. A session moved to
    // another day where screening cautions apply needs `acknowledgement`, as a single move does.
    Status shiftRest(const TreatmentPlan &plan, const CourseProposal &proposal, const QString &acknowledgement = {});

    // The interval rule for one session, without writing: nothing to say for a session inside or after its
    // window, rule.plan.interval_min when it is early and `overrideReason` is blank.
    [[nodiscard]] static Status checkInterval(const TreatmentPlan &plan, int sequence, const QDate &date,
                                              const QDate &windowStart, const QDate &previous,
                                              const QString &overrideReason);

private:
    [[nodiscard]] static Error forSession(const Error &error, int sequence, int planned);

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
