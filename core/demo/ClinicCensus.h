#pragma once

#include "common/Result.h"

namespace dermdesk {

class Database;

// How much a clinic database holds: row counts of the main tables.
struct ClinicCounts
{
    qint64 practitioners = 0;
    qint64 rooms = 0;
    qint64 patients = 0;
    qint64 appointments = 0;
    qint64 plans = 0;
    qint64 sessions = 0;
    qint64 blockouts = 0;
};

// Reads ClinicCounts (all rows, active or not, archived or not). Read-only.
class ClinicCensus
{
public:
    explicit ClinicCensus(const Database &database);

    [[nodiscard]] Result<ClinicCounts> counts() const;

private:
    const Database &m_database;
};

} // namespace dermdesk
