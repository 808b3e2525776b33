#pragma once

#include "ScheduleClinic.h"

#include <QDateTime>
#include <QTimeZone>

// The nights the clocks change in the schedule clinic's zone (America/New_York), found from today so the
// tests' dates stay in the future, and a clinic open on those nights.
namespace dermdesk::test {

// The local date of the next change in `zone` after now that goes back (toStandard) or forward.
inline QDate nextClockChange(bool toStandard, const QByteArray &zone = QByteArrayLiteral("America/New_York"))
{
    const QTimeZone tz(zone);
    QDateTime after = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 8; ++i) {
        const QTimeZone::OffsetData change = tz.nextTransition(after);
        if (!change.atUtc.isValid())
            break;
        if ((change.daylightTimeOffset == 0) == toStandard)
            return change.atUtc.toTimeZone(tz).date();
        after = change.atUtc;
    }
    return {};
}

// The next night the clocks go back an hour (01:00–01:59 happen twice in New York).
inline QDate nextFallBack()
{
    return nextClockChange(true);
}

// The next night the clocks go forward an hour (02:00–02:59 do not happen in New York).
inline QDate nextSpringForward()
{
    return nextClockChange(false);
}

// The clinic and Nurse Ana (practitioner 2: types 1 and 2) also open all day on `weekday`, so a booking at
// night is refused by nothing but the clock.
inline bool openAllDay(TempDatabase &temp, int weekday)
{
    return runAll(
        temp.database(),
        {QStringLiteral("DELETE FROM opening_hours WHERE weekday = %1").arg(weekday),
         QStringLiteral("DELETE FROM practitioner_hours WHERE practitioner_id = 2 AND weekday = %1").arg(weekday),
         QStringLiteral("INSERT INTO opening_hours (weekday, opens_min, closes_min) VALUES (%1, 0, 1440)").arg(weekday),
         QStringLiteral("INSERT INTO practitioner_hours (practitioner_id, weekday, starts_min, ends_min) "
                        "VALUES (2, %1, 0, 1440)")
             .arg(weekday)});
}

} // namespace dermdesk::test
