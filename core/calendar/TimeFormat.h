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

} // namespace dermdesk
