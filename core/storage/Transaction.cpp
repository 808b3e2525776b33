#include "Transaction.h"

#include "Database.h"

#include <QCoreApplication>

namespace dermdesk {

Transaction::Transaction(const Database &database, WriteScope scope)
    : m_database(database)
    , m_scope(std::move(scope))
{
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::begin()
{
    if (m_active)
        return {};
    if (Status allowed = m_database.writable(); !allowed)
        return allowed;
    if (Status begun = m_database.engine().beginWrite(m_scope); !begun)
        return begun;
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return Error::storage(QStringLiteral("no_transaction"),
                              QCoreApplication::translate("dermdesk::Transaction", "There is no change to save."));
    if (Status committed = m_database.engine().commit(); !committed)
        return committed;
    m_active = false;
    m_database.notifyCommitted();
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_database.engine().rollback();
    m_active = false;
}

} // namespace dermdesk
