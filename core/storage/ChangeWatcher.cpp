#include "ChangeWatcher.h"

#include "Database.h"

#include <QSqlQuery>

namespace dermdesk {

ChangeWatcher::ChangeWatcher(const Database &database, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    bool ok = false;
    const qint64 version = readVersion(&ok);
    m_version = ok ? version : -1;
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::poll);
    m_timer.start();
}

qint64 ChangeWatcher::readVersion(bool *ok) const
{
    QSqlQuery query(m_database.connection());
    *ok = query.exec(QStringLiteral("PRAGMA data_version")) && query.next();
    return *ok ? query.value(0).toLongLong() : -1;
}

bool ChangeWatcher::poll()
{
    bool ok = false;
    const qint64 version = readVersion(&ok);
    if (!ok)
        return false;
    const bool changedSinceLastPoll = m_version >= 0 && version != m_version;
    m_version = version;
    if (changedSinceLastPoll)
        emit changed();
    return changedSinceLastPoll;
}

} // namespace dermdesk
