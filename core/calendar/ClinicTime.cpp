#include "ClinicTime.h"

#include <QCoreApplication>

#include <optional>

namespace dermdesk {

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

Result<qint64> ClinicTime::toUtc(const QDate &day, int minuteOfDay, const QString &field) const
{
    if (!day.isValid())
        return Error::invalidInput(field, QCoreApplication::translate("dermdesk::ClinicTime", "The date is not valid."));
    if (minuteOfDay < 0 || minuteOfDay > 24 * 60)
        return Error::invalidInput(field, QCoreApplication::translate("dermdesk::ClinicTime",
                                                                      "A time of day is between 00:00 and 24:00."));
    if (minuteOfDay == 24 * 60)
        return dayRange(day).to;
    const QTime wall(minuteOfDay / 60, minuteOfDay % 60);
    // The wall-clock reading as if it were UTC; the instant is that minus the zone's offset at the
    // instant. Trying the offsets in force a day before and a day after finds both readings of a
    // repeated hour, and none for a skipped one.
    const qint64 naive = QDateTime(day, wall, Qt::UTC).toSecsSinceEpoch();
    const auto offsetAt = [this](qint64 instant) {
        return qint64(m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(instant, Qt::UTC)));
    };
    std::optional<qint64> earliest;
    for (const qint64 offset : {offsetAt(naive - 86400), offsetAt(naive + 86400)}) {
        const qint64 candidate = naive - offset;
        if (offsetAt(candidate) == offset && (!earliest || candidate < *earliest))
            earliest = candidate;
    }
    if (!earliest)
        return Error::invalidInput(field, QCoreApplication::translate("dermdesk::ClinicTime",
                                                                      "%1 on %2 does not exist in %3: the clocks "
                                                                      "skip that hour.")
                                              .arg(wall.toString(QStringLiteral("HH:mm")),
                                                   day.toString(Qt::ISODate), QString::fromUtf8(m_zone.id())));
    return *earliest;
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

} // namespace dermdesk
