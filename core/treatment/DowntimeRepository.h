#pragma once

#include "DowntimeTable.h"
#include "common/Clock.h"
#include "common/Result.h"

namespace dermdesk {

class Database;

// Reads and replaces the clinic's downtime table (downtime_band). Use on the Database's thread; the
// Database and the Clock must outlive the repository.
class DowntimeRepository
{
public:
    explicit DowntimeRepository(const Database &database, const Clock &clock = Clock::system());

    [[nodiscard]] Result<DowntimeTable> load() const;
    // Replaces every band in one transaction, audited ("update", entity "downtime_band", before/after).
    // Refused as DowntimeTable::validate() refuses, nothing written.
    Status save(const DowntimeTable &table);

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
