#include "ScheduleSetupCache.h"

#include "storage/Database.h"
#include "storage/Statement.h"
#include "storage/StorageEngine.h"

namespace dermdesk {

namespace {

// How many times the set-up's tables have been written; none when it cannot be read (then the set-up is read anew).
std::optional<qint64> setupChangeCount(const Database &database)
{
    Statement count(database, QStringLiteral("SELECT sum(n) FROM dermdesk_setup_change"));
    if (!count->exec() || !count->next())
        return std::nullopt;
    return count->value(0).toLongLong();
}

} // namespace

ScheduleSetupCache::ScheduleSetupCache(const Database &database)
    : m_database(database)
{
}

Result<ScheduleSetup> ScheduleSetupCache::get() const
{
    const std::optional<qint64> now = setupChangeCount(m_database);
    if (m_setup && now && *now == m_count)
        return *m_setup;
    auto loaded = ScheduleSetup::load(m_database);
    if (!loaded) {
        m_setup.reset();
        return loaded.error();
    }
    m_setup = loaded.value();
    // A set-up this connection has changed without committing yet is kept for this read only: a rollback would take
    // the count back to a value another change could reach again.
    m_count = now && !m_database.engine().holdsUncommittedWrites() ? *now : -1;
    return loaded;
}

Result<ScheduleSetup> ScheduleSetupCache::lastRead() const
{
    if (m_setup)
        return *m_setup;
    return get();
}

} // namespace dermdesk
