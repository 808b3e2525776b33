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

QString numericDateFormat(const QLocale &locale)
{
    const QString shortFormat = locale.dateFormat(QLocale::ShortFormat);
    static const QRegularExpression numeric(QStringLiteral("^(d{1,2}|M{1,2}|y{2,4})([./-])(d{1,2}|M{1,2}|y{2,4})\\2"
                                                           "(d{1,2}|M{1,2}|y{2,4})$"));
    const QRegularExpressionMatch match = numeric.match(shortFormat);
    if (!match.hasMatch())
        return QStringLiteral("yyyy-MM-dd");
    QStringList parts;
    for (const int part : {1, 3, 4}) {
        const QChar letter = match.captured(part).front();
        parts << (letter == QLatin1Char('y') ? QStringLiteral("yyyy") : QString(2, letter));
    }
    // Each of day, month and year exactly once, or the format is not one to type in.
    const QString letters = parts.join(QString());
    if (letters.count(QLatin1Char('d')) != 2 || letters.count(QLatin1Char('M')) != 2)
        return QStringLiteral("yyyy-MM-dd");
    return parts.join(match.captured(2));
}

QString numericDateText(QDate date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, numericDateFormat(locale)) : QString();
}

QDate parseDateText(const QString &text, const QLocale &locale)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression parts(QStringLiteral("^(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})$"));
    const QRegularExpressionMatch match = parts.match(trimmed);
    if (!match.hasMatch())
        return {};
    const QString first = match.captured(1);
    if (first.size() == 4) // ISO: year first.
        return QDate(first.toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    const QString format = numericDateFormat(locale);
    if (format.startsWith(QLatin1Char('y')) || match.captured(3).size() != 4)
        return {};
    // Day and month in the order the locale writes them.
    const bool dayFirst = format.indexOf(QLatin1Char('d')) < format.indexOf(QLatin1Char('M'));
    const int day = (dayFirst ? first : match.captured(2)).toInt();
    const int month = (dayFirst ? match.captured(2) : first).toInt();
    if (first.size() > 2)
        return {};
    return QDate(match.captured(3).toInt(), month, day);
}

} // namespace dermdesk
