#pragma once

#include "ComposedDocument.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QLocale>

namespace dermdesk {

class Database;

// Composes a page of appointment cards to cut out: one card for an appointment, or for a session of
// a treatment plan one card for each of the plan's booked sessions from it on, each with the clinic,
// the patient, the date and time, the practitioner and "session n of N". Times are in the clinic's
// time zone, written in `locale`.
class AppointmentCardComposer
{
public:
    AppointmentCardComposer(const Database &database, const Clock &clock = Clock::system(), QLocale locale = QLocale());

    // NotFound for an unknown appointment.
    [[nodiscard]] Result<ComposedDocument> compose(qint64 appointmentId) const;

private:
    const Database &m_database;
    const Clock &m_clock;
    QLocale m_locale;
};

} // namespace dermdesk
