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
    m_log = m_filePath + QStringLiteral("-wal");
    m_settle.setSingleShot(true);
    m_settle.setInterval(15);
    connect(&m_settle, &QTimer::timeout, this, &ChangeWatcher::settled);
    connect(&m_files, &QFileSystemWatcher::fileChanged, this, &ChangeWatcher::filesChanged);
    connect(&m_files, &QFileSystemWatcher::directoryChanged, this, &ChangeWatcher::filesChanged);
    watchLog();
}

void ChangeWatcher::watchLog()
{
    // The write-ahead log is created by the first writer and may be removed when the last connection closes. A
    // folder is watched only while the log is missing: watching one costs time for every file in it.
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (QFileInfo::exists(m_log)) {
        if (!m_files.files().contains(m_log))
            m_files.addPath(m_log);
        if (m_files.files().contains(m_log) && m_files.directories().contains(folder))
            m_files.removePath(folder);
    } else if (!m_files.directories().contains(folder)) {
        m_files.addPath(folder);
    }
}

void ChangeWatcher::filesChanged()
{
    watchLog();
    // Another connection writes its commit to the log before the commit shows in data_version: when this look
    // finds nothing, look again shortly after the last write.
    m_settleLooks = 0;
    if (!poll())
        m_settle.start();
}

void ChangeWatcher::settled()
{
    if (!poll() && ++m_settleLooks < 4)
        m_settle.start();
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
