#include "DemoCalendar.h"

#include "DemoVocabulary.h"

#include <QDateTime>

#include <algorithm>

namespace dermdesk::demo {

namespace {

// The `n`th (1-based) `weekday` of `month`, or with n == -1 the last one.
QDate nthWeekday(int year, int month, int weekday, int n)
{
    if (n > 0) {
        const QDate firstOfMonth(year, month, 1);
        const int shift = (weekday - firstOfMonth.dayOfWeek() + 7) % 7;
        return firstOfMonth.addDays(shift + 7 * (n - 1));
    }
    const QDate lastOfMonth = QDate(year, month, 1).addMonths(1).addDays(-1);
    return lastOfMonth.addDays(-((lastOfMonth.dayOfWeek() - weekday + 7) % 7));
}

} // namespace

DemoCalendar::DemoCalendar(QDate first, QDate last, const QTimeZone &zone)
    : m_first(first)
    , m_firstWeekday(first.dayOfWeek())
    , m_zone(zone)
    , m_localMidnight(first.startOfDay(QTimeZone::utc()).toSecsSinceEpoch())
{
    const qint64 days = first.daysTo(last) + 1;
    m_offsetSecs.reserve(std::size_t(qMax<qint64>(days, 0)));
    for (qint64 day = 0; day < days; ++day)
        m_offsetSecs.push_back(m_zone.offsetFromUtc(QDateTime(first.addDays(day), QTime(12, 0), m_zone)));
}

int DemoCalendar::dayOfInstant(qint64 utc) const
{
    const qint64 sinceFirst = utc - m_localMidnight;
    const int guess = int((sinceFirst - (sinceFirst < 0 ? 86399 : 0)) / 86400);
    const int offset = m_offsetSecs.empty() ? 0 : m_offsetSecs[std::size_t(std::clamp(guess, 0, dayCount() - 1))];
    const qint64 local = sinceFirst + offset;
    return int((local - (local < 0 ? 86399 : 0)) / 86400);
}

qint64 DemoCalendar::startOfDay(QDate date) const
{
    return date.startOfDay(m_zone).toSecsSinceEpoch();
}

QString DemoCalendar::holidayName(QDate date)
{
    const int year = date.year();
    const char *name = nullptr;
    if (date == QDate(year, 1, 1)) {
        name = QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "New Year's Day");
    } else if (date == nthWeekday(year, 5, 1, -1)) {
        name = QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Memorial Day");
    } else if (date == QDate(year, 7, 4)) {
        name = QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Independence Day");
    } else if (date == nthWeekday(year, 9, 1, 1)) {
        name = QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Labor Day");
    } else if (date == nthWeekday(year, 11, 4, 4)) {
        name = QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Thanksgiving Day");
    } else if (date == QDate(year, 12, 25)) {
        name = QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Christmas Day");
    }
    return name ? vocabulary::tr(name) : QString();
}

} // namespace dermdesk::demo
