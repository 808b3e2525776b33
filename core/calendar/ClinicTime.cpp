#include "ClinicTime.h"

#include "common/TimeFormat.h"
#include "common/Translation.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ClinicTime");

QString hhmm(qint64 naiveSeconds)
{
    return QDateTime::fromSecsSinceEpoch(naiveSeconds, Qt::UTC).toString(QStringLiteral("HH:mm"));
}

} // namespace

ClinicTime::ClinicTime(QTimeZone zone)
    : m_zone(std::move(zone))
{
}

ClinicTime::Range ClinicTime::dayRange(const QDate &day) const
{
    return daysRange(day, 1);
}

ClinicTime::Range ClinicTime::daysRange(const QDate &first, int dayCount) const
{
    // Local midnight exists in every zone DermDesk serves (transitions happen at night but not at 00:00 in
    // the clinics' zones); startOfDay() also copes with zones whose midnight is skipped.
    return {first.startOfDay(m_zone).toSecsSinceEpoch(), first.addDays(dayCount).startOfDay(m_zone).toSecsSinceEpoch()};
}

Result<QList<ClinicTime::Reading>> ClinicTime::readings(const QDate &day, int minuteOfDay, const QString &field) const
{
    if (!day.isValid())
        return Error::invalidInput(field, tr("The date is not valid."));
    if (minuteOfDay < 0 || minuteOfDay >= 24 * 60)
        return Error::invalidInput(field, tr("A time of day is between 00:00 and 23:59."));
    // The wall-clock reading as if it were UTC; an instant reads it when it is that minus the zone's offset
    // at the instant. The offsets in force a day before and a day after find both readings of a repeated
    // hour, and none for a skipped one.
    const qint64 naive = QDateTime(day, QTime(minuteOfDay / 60, minuteOfDay % 60), Qt::UTC).toSecsSinceEpoch();
    const int before = offsetAt(naive - 86400);
    const int after = offsetAt(naive + 86400);
    QList<Reading> found;
    for (const int offset : {before, after}) {
        const qint64 candidate = naive - offset;
        const bool known =
            std::any_of(found.cbegin(), found.cend(), [candidate](const Reading &r) { return r.instant == candidate; });
        if (!known && offsetAt(candidate) == offset)
            found.append({candidate, offset, abbreviation(candidate)});
    }
    std::sort(found.begin(), found.end(), [](const Reading &a, const Reading &b) { return a.instant < b.instant; });
    if (!found.isEmpty())
        return found;

    const QString zone = QString::fromUtf8(m_zone.id());
    // The clocks jump forward inside (naive - after, naive - before]: from the transition read at the old
    // offset to the same instant read at the new one.
    const QTimeZone::OffsetData jump = m_zone.nextTransition(QDateTime::fromSecsSinceEpoch(naive - after, Qt::UTC));
    if (jump.atUtc.isValid() && jump.atUtc.toSecsSinceEpoch() <= naive - before) {
        const qint64 at = jump.atUtc.toSecsSinceEpoch();
        return Error::invalidInput(field, tr("%1 does not exist on %2 in %3: clocks go from %4 to %5.")
                                              .arg(hhmm(naive), day.toString(Qt::ISODate), zone, hhmm(at + before),
                                                   hhmm(at + jump.offsetFromUtc)));
    }
    return Error::invalidInput(field, tr("%1 does not exist on %2 in %3: the clocks skip that time.")
                                          .arg(hhmm(naive), day.toString(Qt::ISODate), zone));
}

Result<qint64> ClinicTime::toUtc(const QDate &day, int minuteOfDay, const QString &field) const
{
    if (day.isValid() && (minuteOfDay < 0 || minuteOfDay > 24 * 60))
        return Error::invalidInput(field, tr("A time of day is between 00:00 and 24:00."));
    if (day.isValid() && minuteOfDay == 24 * 60)
        return dayRange(day).to;
    auto found = readings(day, minuteOfDay, field);
    if (!found)
        return found.error();
    return found.value().constFirst().instant;
}

QDateTime ClinicTime::toLocal(qint64 utcSeconds) const
{
    return QDateTime::fromSecsSinceEpoch(utcSeconds, m_zone);
}

QDate ClinicTime::localDate(qint64 utcSeconds) const
{
    return toLocal(utcSeconds).date();
}

int ClinicTime::localMinute(qint64 utcSeconds) const
{
    const QTime time = toLocal(utcSeconds).time();
    return time.hour() * 60 + time.minute();
}

int ClinicTime::offsetAt(qint64 utcSeconds) const
{
    return m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

QString ClinicTime::abbreviation(qint64 utcSeconds) const
{
    return m_zone.abbreviation(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

bool ClinicTime::isRepeatedReading(qint64 utcSeconds) const
{
    // Only a day with a change of offset can repeat a time; most instants stop at the first test.
    if (offsetAt(utcSeconds - 86400) == offsetAt(utcSeconds + 86400))
        return false;
    const QDateTime local = toLocal(utcSeconds);
    const auto found = readings(local.date(), local.time().hour() * 60 + local.time().minute());
    return found && found.value().size() > 1;
}

QString ClinicTime::clockText(qint64 utcSeconds, const QLocale &locale) const
{
    const QString clock = clockTimeText(toLocal(utcSeconds).time(), locale);
    return isRepeatedReading(utcSeconds) ? clock + QLatin1Char(' ') + abbreviation(utcSeconds) : clock;
}

QString ClinicTime::spanText(qint64 fromUtc, qint64 toUtc, const QLocale &locale) const
{
    return clockText(fromUtc, locale) + QStringLiteral(" \u2013 ") + clockText(toUtc, locale);
}

QString ClinicTime::offsetText(int offsetSeconds)
{
    const int minutes = std::abs(offsetSeconds) / 60;
    return QStringLiteral("%1%2:%3")
        .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace dermdesk
