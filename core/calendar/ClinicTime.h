#pragma once

#include "common/Result.h"

#include <QDate>
#include <QList>
#include <QLocale>
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

    // One instant at which the clinic's clocks read a given wall-clock time.
    struct Reading
    {
        qint64 instant = 0;
        // The zone's offset from UTC then, in seconds (-14400 for EDT).
        int offsetSeconds = 0;
        // The zone's abbreviation then ("EDT"); may be an offset ("+03") where the zone has no name.
        QString abbreviation;
    };
    // Every instant at which the clocks read `minuteOfDay` (0..1439) on local `day`, earliest first: two
    // in the hour repeated when the clocks go back, one otherwise. A time that does not exist (skipped when
    // the clocks spring forward) is refused naming `field` and the jump: "02:30 does not exist on 2027-03-14
    // in America/New_York: clocks go from 02:00 to 03:00."
    [[nodiscard]] Result<QList<Reading>> readings(const QDate &day, int minuteOfDay,
                                                  const QString &field = QStringLiteral("start")) const;

    // The instant of local `day` at `minuteOfDay` (0..1440). A wall-clock time that does not exist is
    // refused as readings() refuses it; a time that happens twice means its first occurrence (for grids
    // and rules; a person choosing a start picks one of readings()).
    [[nodiscard]] Result<qint64> toUtc(const QDate &day, int minuteOfDay,
                                       const QString &field = QStringLiteral("start")) const;

    [[nodiscard]] QDateTime toLocal(qint64 utcSeconds) const;
    [[nodiscard]] QDate localDate(qint64 utcSeconds) const;
    // Minutes since local midnight (0..1439) of the instant.
    [[nodiscard]] int localMinute(qint64 utcSeconds) const;
    // ISO weekday (1 = Monday) of the instant's local date.
    [[nodiscard]] int localWeekday(qint64 utcSeconds) const { return localDate(utcSeconds).dayOfWeek(); }

    // The zone's offset from UTC at the instant, in seconds.
    [[nodiscard]] int offsetAt(qint64 utcSeconds) const;
    // The zone's abbreviation at the instant ("EST").
    [[nodiscard]] QString abbreviation(qint64 utcSeconds) const;
    // Whether the clocks show the instant's wall-clock time twice that day (the hour repeated when they go
    // back), so the time alone does not say which hour is meant.
    [[nodiscard]] bool isRepeatedReading(qint64 utcSeconds) const;
    // The instant's wall-clock time in `locale` ("01:30"), followed by the zone's abbreviation when that
    // time happens twice that day ("01:30 EST").
    [[nodiscard]] QString clockText(qint64 utcSeconds, const QLocale &locale = QLocale()) const;
    // "09:00 – 10:00" as clockText() writes each end.
    [[nodiscard]] QString spanText(qint64 fromUtc, qint64 toUtc, const QLocale &locale = QLocale()) const;

    // An offset as ISO 8601 writes it: "-05:00", "+01:00", "+00:00".
    [[nodiscard]] static QString offsetText(int offsetSeconds);

private:
    QTimeZone m_zone;
};

} // namespace dermdesk
