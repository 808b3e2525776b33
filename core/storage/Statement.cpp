#include "Statement.h"

#include "Database.h"

namespace dermdesk {

StatementCache::~StatementCache()
{
    clear();
}

QSqlQuery *StatementCache::borrow(const QSqlDatabase &connection, const QString &sql)
{
    const auto found = m_entries.find(sql);
    if (found != m_entries.end()) {
        if (found->second->lent)
            return nullptr;
        found->second->lent = true;
        return &found->second->query;
    }
    auto entry = std::make_unique<Entry>(connection);
    if (!entry->query.prepare(sql))
        return nullptr;
    if (m_entries.size() >= capacity) {
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = it->second->lent ? std::next(it) : m_entries.erase(it);
    }
    entry->lent = true;
    QSqlQuery *query = &entry->query;
    m_entries.emplace(sql, std::move(entry));
    return query;
}

void StatementCache::giveBack(const QString &sql)
{
    const auto found = m_entries.find(sql);
    if (found == m_entries.end())
        return;
    found->second->query.finish();
    found->second->lent = false;
}

void StatementCache::clear()
{
    m_entries.clear();
}

Statement::Statement(const Database &database, const QString &sql)
    : Statement(database.engine().statements(), database.connection(), sql)
{
}

Statement::Statement(StatementCache &cache, const QSqlDatabase &connection, const QString &sql)
    : m_cache(cache)
    , m_sql(sql)
    , m_query(m_cache.borrow(connection, sql))
{
    if (!m_query) {
        m_own.emplace(connection);
        m_own->prepare(sql);
        m_query = &*m_own;
    }
}

Statement::~Statement()
{
    if (!m_own)
        m_cache.giveBack(m_sql);
}

} // namespace dermdesk
