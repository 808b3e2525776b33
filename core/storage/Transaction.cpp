#include "Transaction.h"

#include "Database.h"
#include "SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

Transaction::Transaction(const Database &database)
    : m_database(database)
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
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(query.lastError(), QCoreApplication::translate("dermdesk::Transaction", "Starting a change"));
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return Error::storage(QStringLiteral("no_transaction"),
                              QCoreApplication::translate("dermdesk::Transaction", "There is no change to save."));
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("COMMIT")))
        return sqlError(query.lastError(), QCoreApplication::translate("dermdesk::Transaction", "Saving the change"));
    m_active = false;
    m_database.notifyCommitted();
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace dermdesk
