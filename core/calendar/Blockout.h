#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace dermdesk {

// A closure or blockout: the whole clinic (no practitioner, no room), one practitioner or one room.
// [startsAt, endsAt) is the first (or only) occurrence, UTC Unix seconds. A weekly blockout repeats at
// the same local wall-clock time every week (so it stays at 12:00 across daylight-saving changes)
// through repeatUntil, a local date, inclusive; an invalid repeatUntil repeats without end. On a day
// when part of its wall-clock window does not exist (spring forward) it covers the part that does; in
// a repeated hour (fall back) its readings mean their first occurrence.
struct Blockout
{
    qint64 id = 0;
    std::optional<qint64> practitionerId;
    std::optional<qint64> roomId;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    bool weekly = false;
    QDate repeatUntil;
    // Why: "Lunch", "Holiday", "Training", ... shown in refusals and on the schedule.
    QString reason;
    qint64 createdAt = 0;

    [[nodiscard]] bool isClinicWide() const { return !practitionerId && !roomId; }
};

} // namespace dermdesk
