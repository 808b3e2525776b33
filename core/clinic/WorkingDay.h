#pragma once

#include "ClinicSettings.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

// One weekday of working hours as people describe it: from startMin to endMin with breaks inside, all in
// local wall-clock minutes since midnight, half-open [start, end). The database keeps the spans between
// the breaks (WeeklyHours); this is the shape the settings dialog edits.
struct WorkingDay
{
    struct Break
    {
        int startMin = 0;
        int endMin = 0;

        friend bool operator==(const Break &, const Break &) = default;
    };

    int weekday = 1;
    int startMin = 0;
    int endMin = 0;
    QList<Break> breaks;

    friend bool operator==(const WorkingDay &, const WorkingDay &) = default;

    // The working spans of `days` with the breaks cut out, by weekday. InvalidInput naming `field` when a
    // weekday is out of range or appears twice, a day ends before it starts, a break does not lie strictly
    // inside its day's hours, or two breaks overlap; the message names the weekday and the times.
    [[nodiscard]] static Result<QList<WeeklyHours>> toSpans(const QList<WorkingDay> &days,
                                                            const QString &field = QStringLiteral("hours"));
    // The inverse: per weekday, from the first span's start to the last span's end, the gaps as breaks.
    // Weekdays without spans are absent; the result is ordered by weekday.
    [[nodiscard]] static QList<WorkingDay> fromSpans(const QList<WeeklyHours> &spans);

    // "09:00" for a minute of the day (1440 reads "24:00").
    [[nodiscard]] static QString minuteText(int minuteOfDay);
    // The weekday's name in the current locale ("Monday").
    [[nodiscard]] static QString weekdayName(int weekday);
};

} // namespace dermdesk
