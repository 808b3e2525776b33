#include "WorkingDay.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::WorkingDay");

QString spanText(int startMin, int endMin)
{
    return tr("%1–%2").arg(WorkingDay::minuteText(startMin), WorkingDay::minuteText(endMin));
}

} // namespace

QString WorkingDay::minuteText(int minuteOfDay)
{
    return QStringLiteral("%1:%2")
        .arg(minuteOfDay / 60, 2, 10, QLatin1Char('0'))
        .arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

QString WorkingDay::weekdayName(int weekday)
{
    return weekday >= 1 && weekday <= 7 ? QLocale().dayName(weekday) : tr("weekday %1").arg(weekday);
}

Result<QList<WeeklyHours>> WorkingDay::toSpans(const QList<WorkingDay> &days, const QString &field)
{
    QList<WorkingDay> sorted = days;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const WorkingDay &a, const WorkingDay &b) { return a.weekday < b.weekday; });
    QList<WeeklyHours> spans;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const WorkingDay &day = sorted.at(i);
        const QString name = weekdayName(day.weekday);
        if (day.weekday < 1 || day.weekday > 7)
            return Error::invalidInput(field, tr("A weekday must be 1 (Monday) to 7 (Sunday)."));
        if (i > 0 && sorted.at(i - 1).weekday == day.weekday)
            return Error::invalidInput(field, tr("%1 is listed twice.").arg(name));
        if (day.startMin < 0 || day.endMin > 24 * 60 || day.endMin <= day.startMin) {
            return Error::invalidInput(field, tr("%1: the hours must end after they start, within one day (%2).")
                                                  .arg(name, spanText(day.startMin, day.endMin)));
        }
        QList<Break> breaks = day.breaks;
        std::sort(breaks.begin(), breaks.end(), [](const Break &a, const Break &b) { return a.startMin < b.startMin; });
        int from = day.startMin;
        for (const Break &pause : breaks) {
            if (pause.endMin <= pause.startMin) {
                return Error::invalidInput(field, tr("%1: a break must end after it starts (%2).")
                                                      .arg(name, spanText(pause.startMin, pause.endMin)));
            }
            if (pause.startMin <= day.startMin || pause.endMin >= day.endMin) {
                return Error::invalidInput(field, tr("%1: a break must lie inside the working hours (break %2, "
                                                     "working hours %3).")
                                                      .arg(name, spanText(pause.startMin, pause.endMin),
                                                           spanText(day.startMin, day.endMin)));
            }
            if (pause.startMin <= from) {
                return Error::invalidInput(field, tr("%1: two breaks overlap or touch (%2).")
                                                      .arg(name, spanText(pause.startMin, pause.endMin)));
            }
            spans.append({day.weekday, from, pause.startMin});
            from = pause.endMin;
        }
        spans.append({day.weekday, from, day.endMin});
    }
    return spans;
}

QList<WorkingDay> WorkingDay::fromSpans(const QList<WeeklyHours> &spans)
{
    QList<WeeklyHours> sorted = spans;
    std::sort(sorted.begin(), sorted.end(), [](const WeeklyHours &a, const WeeklyHours &b) {
        return a.weekday != b.weekday ? a.weekday < b.weekday : a.startMin < b.startMin;
    });
    QList<WorkingDay> days;
    for (const WeeklyHours &span : sorted) {
        if (days.isEmpty() || days.last().weekday != span.weekday) {
            days.append({span.weekday, span.startMin, span.endMin, {}});
            continue;
        }
        WorkingDay &day = days.last();
        if (span.startMin > day.endMin)
            day.breaks.append({day.endMin, span.startMin});
        day.endMin = std::max(day.endMin, span.endMin);
    }
    return days;
}

} // namespace dermdesk
