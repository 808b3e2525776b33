#include "ChangeWatcher.h"

#include "Database.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace dermdesk {

ChangeWatcher::ChangeWatcher(const QString &connectionName, const QString &filePath, int intervalMs, QObject *parent)
    : ChangeSource(parent)
    , m_connectionName(connectionName)
    , m_filePath(filePath)
{
    bool ok = false;
    const qint64 version = readVersion(&ok);
    m_version = ok ? version : -1;
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::poll);
    m_timer.start();
    watchFiles();
}

ChangeWatcher::ChangeWatcher(const Database &database, int intervalMs, QObject *parent)
    : ChangeWatcher(database.connection().connectionName(), database.isInMemory() ? QString() : database.path(),
                    intervalMs, parent)
{
}

void ChangeWatcher::watchFiles()
{
    if (m_filePath.isEmpty())
        return;
    // The write-ahead log is created by the first writer and may be removed when the last connection closes: the
    // folder is watched too, so the log is picked up again when it comes back.
    const QString log = m_filePath + QStringLiteral("-wal");
    m_files.addPath(QFileInfo(m_filePath).absolutePath());
    if (QFileInfo::exists(log))
        m_files.addPath(log);
    connect(&m_files, &QFileSystemWatcher::fileChanged, this, [this] { poll(); });
    connect(&m_files, &QFileSystemWatcher::directoryChanged, this, [this, log] {
        if (QFileInfo::exists(log) && !m_files.files().contains(log))
            m_files.addPath(log);
        poll();
    });
}

qint64 ChangeWatcher::readVersion(bool *ok) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
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
