#pragma once

#include <QDate>
#include <QLocale>
#include <QString>
#include <QTime>

namespace dermdesk {

// Wall-clock time as people read it in `locale`, without seconds ("09:30", "9:30 AM").
[[nodiscard]] QString clockTimeText(QTime time, const QLocale &locale = QLocale());
// A time span "09:00 – 10:00" in `locale`, without seconds.
[[nodiscard]] QString clockSpanText(QTime from, QTime to, const QLocale &locale = QLocale());
// A compact date ("8 Mar 2026", "3/8/26") in `locale`.
[[nodiscard]] QString shortDateText(QDate date, const QLocale &locale = QLocale());

// The all-digit date format a person types in `locale`, with a four-digit year and two-digit day and
// month: "MM/dd/yyyy" (US), "dd/MM/yyyy" (UK), "dd.MM.yyyy" (Germany). ISO "yyyy-MM-dd" when the
// locale's short format is not all digits (the C locale among them).
[[nodiscard]] QString numericDateFormat(const QLocale &locale = QLocale());
// `date` in numericDateFormat(locale); empty for an invalid date.
[[nodiscard]] QString numericDateText(QDate date, const QLocale &locale = QLocale());
// A date typed in `locale`'s way (numericDateFormat, with or without leading zeros, with '/', '.' or '-'
// between the parts) or as ISO "YYYY-MM-DD"; an invalid QDate when it is neither. Surrounding spaces
// are ignored.
[[nodiscard]] QDate parseDateText(const QString &text, const QLocale &locale = QLocale());

} // namespace dermdesk
