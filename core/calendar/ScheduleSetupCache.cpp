#include "ScheduleSetupCache.h"

#include "storage/Database.h"

#include <QSqlQuery>

#include <sqlite3.h>

namespace dermdesk {

ScheduleSetupCache::ScheduleSetupCache(const Database &database)
    : m_database(database)
{
}

std::optional<ScheduleSetupCache::Stamp> ScheduleSetupCache::stamp() const
{
    sqlite3 *handle = m_database.nativeHandle();
    QSqlQuery query(m_database.connection());
    if (!handle || !query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return std::nullopt;
    return Stamp{query.value(0).toLongLong(), sqlite3_total_changes64(handle)};
}

Result<ScheduleSetup> ScheduleSetupCache::get() const
{
    const std::optional<Stamp> now = stamp();
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
    sqlite3 *handle = m_database.nativeHandle();
    if (m_fresh && m_setup && handle)
        m_stamp.changes = sqlite3_total_changes64(handle);
    m_fresh = false;
}

} // namespace dermdesk
