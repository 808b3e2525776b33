#pragma once

#include "common/Result.h"

#include <QDate>
#include <QTimeZone>

namespace dermdesk {

// Conversions between stored instants (UTC Unix seconds) and the clinic's wall clock.
// Every "which day" and "what time" question goes through here, so daylight-saving days are
// handled once: a spring-forward day has 23 hours, a fall-back day 25.
class ClinicTime
{
public:
    explicit ClinicTime(QTimeZone zone);

    [[nodiscard]] const QTimeZone &zone() const { return m_zone; }

    // [first second of `day`, first second of the next day) as UTC Unix seconds.
    struct Range
    {
        qint64 from = 0;
        qint64 to = 0;
    };
    [[nodiscard]] Range dayRange(const QDate &day) const;
    [[nodiscard]] Range daysRange(const QDate &first, int dayCount) const;

    // The instant of local `day` at `minuteOfDay` (0..1440). A wall-clock time that does not exist
    // (skipped when clocks spring forward) is refused, naming `field`; a time that happens twice
    // (fall back) means its first occurrence.
    [[nodiscard]] Result<qint64> toUtc(const QDate &day, int minuteOfDay,
                                       const QString &field = QStringLiteral("start")) const;

    [[nodiscard]] QDateTime toLocal(qint64 utcSeconds) const;
    [[nodiscard]] QDate localDate(qint64 utcSeconds) const;
    // Minutes since local midnight (0..1439) of the instant.
    [[nodiscard]] int localMinute(qint64 utcSeconds) const;
    // ISO weekday (1 = Monday) of the instant's local date.
    [[nodiscard]] int localWeekday(qint64 utcSeconds) const { return localDate(utcSeconds).dayOfWeek(); }

private:
    QTimeZone m_zone;
};

} // namespace dermdesk
