#pragma once

#include "Appointment.h"
#include "ScheduleSetup.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "patients/ScreeningOutcome.h"

#include <QList>
#include <QString>

namespace dermdesk {

class Database;

// The screening part of booking or moving a treatment session, judged on the appointment's own local date
// (ScreeningEvaluator, with the clinic's policy for missing and out-of-date screening). Other appointment types
// (consultations, patch tests) are never checked. Use on the Database's thread; the Database and the Clock must
// outlive it.
class BookingScreening
{
public:
    BookingScreening(const Database &database, const Clock &clock);

    // The cautions a booking of `candidate` must acknowledge (none for other types), or rule.screening.stop
    // naming the first stop, what it says and the earliest date it clears (or that nothing dates its end).
    [[nodiscard]] Result<QList<ScreeningFinding>> cautions(const Appointment &candidate,
                                                           const ScheduleSetup &setup) const;
    // rule.screening.caution naming `cautions`, for a booking or a move that came without a reason.
    [[nodiscard]] static Error unacknowledged(const QList<ScreeningFinding> &cautions);

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
