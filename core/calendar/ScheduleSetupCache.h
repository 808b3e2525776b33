#pragma once

#include "ScheduleSetup.h"
#include "common/Result.h"
#include "storage/StorageEngine.h"

#include <optional>

namespace dermdesk {

class Database;

// Keeps a loaded ScheduleSetup for as long as nothing can have changed it, so checking a booking or
// searching slots does not re-read every practitioner, room and type each time. The set-up is read again
// as soon as another connection has committed or this connection has changed any row since it was loaded
// (StorageEngine::changeStamp), so callers never see a stale set-up.
//
// Use on the Database's thread; the Database must outlive the cache.
class ScheduleSetupCache
{
public:
    explicit ScheduleSetupCache(const Database &database);

    // The current set-up (a cheap, implicitly shared copy).
    [[nodiscard]] Result<ScheduleSetup> get() const;

    // Call right after committing a change made through this connection that cannot have touched the
    // set-up (appointments, their history, the audit log) inside the same transaction as the get() that
    // preceded it: the cached set-up stays valid instead of being read again.
    void keepAfterOwnWrite() const;

private:
    using Stamp = StorageEngine::ChangeStamp;

    const Database &m_database;
    mutable std::optional<ScheduleSetup> m_setup;
    mutable Stamp m_stamp;
    // True between a get() that used or refreshed the cache and the next keepAfterOwnWrite().
    mutable bool m_fresh = false;
};

} // namespace dermdesk
