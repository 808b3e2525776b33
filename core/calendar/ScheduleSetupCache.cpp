#include "ScheduleSetupCache.h"

#include "storage/Database.h"

namespace dermdesk {

ScheduleSetupCache::ScheduleSetupCache(const Database &database)
    : m_database(database)
{
}

Result<ScheduleSetup> ScheduleSetupCache::get() const
{
    const std::optional<Stamp> now = m_database.engine().changeStamp();
    if (m_setup && now && *now == m_stamp) {
        m_fresh = true;
        return *m_setup;
    }
    auto loaded = ScheduleSetup::load(m_database);
    if (!loaded) {
        m_setup.reset();
        m_fresh = false;
        return loaded.error();
    }
    m_setup = loaded.value();
    m_stamp = now.value_or(Stamp{});
    m_fresh = now.has_value();
    return loaded;
}

void ScheduleSetupCache::keepAfterOwnWrite() const
{
    if (m_fresh && m_setup) {
        if (const std::optional<Stamp> now = m_database.engine().changeStamp())
            m_stamp.here = now->here;
    }
    m_fresh = false;
}

} // namespace dermdesk
