#pragma once

#include "ClinicSettings.h"

#include <QList>
#include <QString>

namespace dermdesk {

struct Practitioner
{
    qint64 id = 0;
    QString displayName;
    QString title;
    // "#rrggbb": the practitioner's column and appointment tint in the schedule.
    QString colour = QStringLiteral("#4f7cac");
    bool active = true;
    int sortOrder = 0;
    // Working hours; several spans on one weekday describe a day with breaks.
    QList<WeeklyHours> hours;
    // The appointment types this practitioner performs.
    QList<qint64> typeIds;
};

} // namespace dermdesk
