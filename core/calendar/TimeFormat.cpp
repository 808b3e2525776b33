#include "TimeFormat.h"

#include <QRegularExpression>

namespace dermdesk {

QString clockTimeText(QTime time, const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    // Some locales (C among them) keep seconds in their short format; a schedule never shows them.
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?"));
    format.remove(seconds);
    return locale.toString(time, format);
}

QString clockSpanText(QTime from, QTime to, const QLocale &locale)
{
    return clockTimeText(from, locale) + QStringLiteral(" \u2013 ") + clockTimeText(to, locale);
}

QString shortDateText(QDate date, const QLocale &locale)
{
    return locale.toString(date, QLocale::ShortFormat);
}

} // namespace dermdesk
