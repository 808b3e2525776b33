#pragma once

#include "ChangeSource.h"

#include <QFileSystemWatcher>
#include <QString>
#include <QTimer>

namespace dermdesk {

class Database;

// SQLite's change source (SqliteEngine::watchChanges): notices when another connection or another program commits
// to the same database file, so the clinic session can announce it (a second DermDesk window shows a booking within
// a fraction of a second).
//
// It reads SQLite's `PRAGMA data_version` on the Database's own connection: a cheap read of a counter that changes
// only when some OTHER connection commits. It reads it every `intervalMs`, and when the file system reports a write
// to the database's write-ahead log (every commit in WAL mode writes there): at once and, while the commit does not
// show yet, again every 15 ms up to four times. Changes made through this connection are not reported.
//
// Threading: lives on the connection's thread and polls from its event loop. The connection must outlive the watcher.
class ChangeWatcher : public ChangeSource
{
    Q_OBJECT

public:
    // Watches the Qt connection named `connectionName`, open on the file `filePath` (empty for a memory database,
    // which only polling can watch). Starts polling every `intervalMs` milliseconds right away.
    ChangeWatcher(const QString &connectionName, const QString &filePath, int intervalMs = 1000,
                  QObject *parent = nullptr);
    // Watches `database`'s connection and file.
    explicit ChangeWatcher(const Database &database, int intervalMs = 1000, QObject *parent = nullptr);

    [[nodiscard]] int interval() const override { return m_timer.interval(); }
    void setInterval(int intervalMs) override { m_timer.setInterval(intervalMs); }
    [[nodiscard]] bool isActive() const override { return m_timer.isActive(); }
    void start() override { m_timer.start(); }
    void stop() override { m_timer.stop(); }

    bool poll() override;

private:
    [[nodiscard]] qint64 readVersion(bool *ok) const;

    void watchFiles();
    // Watches the write-ahead log while it exists, else the folder (to notice the log coming back).
    void watchLog();
    void filesChanged();
    void settled();

    QString m_connectionName;
    QString m_filePath;
    QString m_log;
    QTimer m_timer;
    // After a write to the log that did not show as a commit yet: a few quick looks before the next regular poll.
    QTimer m_settle;
    int m_settleLooks = 0;
    QFileSystemWatcher m_files;
    qint64 m_version = -1;
};

} // namespace dermdesk
