#pragma once

#include <optional>

#include <QtGlobal>

namespace dermdesk {

// Time an appointment gave back when it was cancelled, marked no-show or moved away: the
// practitioner's (and room's) busy time [startsAt, endsAt), cleanup included, in UTC Unix seconds.
// Hand it to WaitlistRepository::offersFor() to find who could take it.
struct FreedSlot
{
    // The appointment that freed it.
    qint64 appointmentId = 0;
    qint64 practitionerId = 0;
    std::optional<qint64> roomId;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
};

} // namespace dermdesk
