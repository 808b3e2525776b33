#pragma once

#include "calendar/BlockoutOccurrence.h"
#include "calendar/MinuteSpan.h"

#include <QDate>
#include <QList>
#include <QString>

namespace dermdesk {

// One column of the schedule: one practitioner's or one room's local day.
struct ScheduleColumn
{
    QDate day;
    // The practitioner shown; 0 in a room column.
    qint64 practitionerId = 0;
    // The room shown; 0 in a practitioner column and in the room view's "No room" column.
    qint64 roomId = 0;
    // The practitioner's display name, the room's name or "No room".
    QString title;
    // "#rrggbb" of the practitioner; empty for rooms.
    QString colour;
    // The wall-clock minutes of `day` nobody can be booked: the clinic is closed, or (practitioner
    // columns) the practitioner is not working, breaks included. In start order, not overlapping.
    QList<MinuteSpan> closed;
    // The blockout occurrences that overlap `day` and block this column's practitioner or room
    // (clinic-wide ones block every column), in start order.
    QList<BlockoutOccurrence> blockouts;
};

} // namespace dermdesk
