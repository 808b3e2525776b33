#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace dermdesk {

class Database;

// Notices when another connection or another program commits to the same database file, so the clinic session can
// announce it (a second DermDesk window shows a booking within a fraction of a second).
//
// It reads SQLite's `PRAGMA data_version` on the Database's own connection: a cheap read of a counter that changes
// only when some OTHER connection commits. It reads it every `intervalMs`, and at once when the file system reports a
// write to the database's write-ahead log (every commit in WAL mode writes there). Changes made through this
// Database are not reported: the session learns of those from the Database itself.
//
// Threading: lives on the Database's thread and polls from its event loop. The Database must outlive
// the watcher.
class ChangeWatcher : public QObject
{
    Q_OBJECT

public:
    // Starts polling every `intervalMs` milliseconds right away.
    explicit ChangeWatcher(const Database &database, int intervalMs = 1000, QObject *parent = nullptr);

    [[nodiscard]] int interval() const { return m_timer.interval(); }
    void setInterval(int intervalMs) { m_timer.setInterval(intervalMs); }
    [[nodiscard]] bool isActive() const { return m_timer.isActive(); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }

    // Checks once now; emits changed() and returns true when another connection committed since the last
    // check. A failed read (database busy) counts as no change and is retried at the next poll.
    bool poll();

signals:
    // Another connection committed: reload what is shown.
    void changed();

private:
    [[nodiscard]] qint64 readVersion(bool *ok) const;

    void watchFiles();

    const Database &m_database;
    QTimer m_timer;
    QFileSystemWatcher m_files;
    qint64 m_version = -1;
};

} // namespace dermdesk
