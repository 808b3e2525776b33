#pragma once

#include <QString>

#include <optional>

namespace dermdesk {

// One occurrence of a Blockout, weekly repeats expanded: [startsAt, endsAt) in UTC Unix seconds.
struct BlockoutOccurrence
{
    qint64 blockoutId = 0;
    std::optional<qint64> practitionerId;
    std::optional<qint64> roomId;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    QString reason;

    [[nodiscard]] bool isClinicWide() const { return !practitionerId && !roomId; }
    // Whether it blocks this practitioner (clinic-wide blockouts block everyone).
    [[nodiscard]] bool blocksPractitioner(qint64 id) const { return isClinicWide() || practitionerId == id; }
    // Whether it blocks this room (clinic-wide blockouts block every room).
    [[nodiscard]] bool blocksRoom(qint64 id) const { return isClinicWide() || roomId == id; }
    [[nodiscard]] bool overlaps(qint64 from, qint64 to) const { return startsAt < to && from < endsAt; }
};

} // namespace dermdesk
