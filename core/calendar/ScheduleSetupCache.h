#pragma once

#include "ScheduleSetup.h"
#include "common/Result.h"

#include <optional>

namespace dermdesk {

class Database;

// Keeps a loaded ScheduleSetup for as long as nothing can have changed it, so checking a booking or
// searching slots does not re-read every practitioner, room and type each time. The schema counts every change to
// the set-up's tables, whoever writes them (dermdesk_setup_change, kept by triggers): the set-up is read again as
// soon as the count differs from the one it was read at, so callers never see a stale set-up, and bookings, moves
// and patients written at any desk leave it as it is.
//
// Use on the Database's thread; the Database must outlive the cache.
class ScheduleSetupCache
{
public:
    explicit ScheduleSetupCache(const Database &database);

    // The current set-up (a cheap, implicitly shared copy).
    [[nodiscard]] Result<ScheduleSetup> get() const;
    // The set-up as last read, without asking whether it changed since (get() when none was read yet): for a guess
    // that a later get() checks, such as which slots a booking locks before its transaction reads the set-up again.
    [[nodiscard]] Result<ScheduleSetup> lastRead() const;

private:
    const Database &m_database;
    mutable std::optional<ScheduleSetup> m_setup;
    // The change count m_setup was read at.
    mutable qint64 m_count = -1;
};

} // namespace dermdesk
