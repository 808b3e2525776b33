#pragma once

#include <QDate>
#include <QString>
#include <QTimeZone>

#include <vector>

namespace dermdesk::demo {

// The demo's days [first, last] in the clinic's time zone, numbered 0..dayCount()-1, with the
// conversions the generator needs a million times: local wall-clock minute → UTC Unix seconds.
//
// Each day's UTC offset is taken once, at local noon. That is exact for every time the clinic is
// open: opening hours never straddle the 02:00 daylight-saving switch.
class DemoCalendar
{
public:
    DemoCalendar(QDate first, QDate last, const QTimeZone &zone);

    [[nodiscard]] int dayCount() const { return int(m_offsetSecs.size()); }
    [[nodiscard]] QDate first() const { return m_first; }
    [[nodiscard]] QDate last() const { return m_first.addDays(dayCount() - 1); }
    [[nodiscard]] QDate date(int day) const { return m_first.addDays(day); }
    [[nodiscard]] int dayOf(QDate date) const { return int(m_first.daysTo(date)); }
    // ISO weekday, 1 = Monday ... 7 = Sunday.
    [[nodiscard]] int weekday(int day) const { return (m_firstWeekday - 1 + day) % 7 + 1; }
    [[nodiscard]] const QTimeZone &zone() const { return m_zone; }

    // UTC Unix seconds of local `minute` (0..1440) on `day`, for minutes from 03:00 to 24:00.
    [[nodiscard]] qint64 toUtc(int day, int minute) const
    {
        return m_localMidnight + qint64(day) * 86400 + qint64(minute) * 60 - m_offsetSecs[std::size_t(day)];
    }
    // The day (possibly outside [0, dayCount())) on which the instant `utc` falls, in local time;
    // within an hour of midnight on a daylight-saving day it may name the neighbouring day.
    [[nodiscard]] int dayOfInstant(qint64 utc) const;
    // UTC Unix seconds of local midnight at the start of `date` (exact on any day, any date).
    [[nodiscard]] qint64 startOfDay(QDate date) const;

    // The clinic's public-holiday closure on `date` ("Thanksgiving Day"), or an empty string.
    [[nodiscard]] static QString holidayName(QDate date);

private:
    QDate m_first;
    int m_firstWeekday = 1;
    QTimeZone m_zone;
    // m_first's midnight read as if it were UTC.
    qint64 m_localMidnight = 0;
    std::vector<int> m_offsetSecs;
};

} // namespace dermdesk::demo
