#pragma once

#include <QObject>

namespace dermdesk {

// Tells when another connection or program has committed to the clinic, so the clinic session can read what changed
// and announce it. Made by the storage engine (StorageEngine::watchChanges): on SQLite a ChangeWatcher (PRAGMA
// data_version, woken by writes to the -wal file); on a server, its notifications. Commits made through the
// engine's own connection are not reported: the session learns of those from the Database itself.
//
// Threading: lives on the Database's thread and works from its event loop. The Database must outlive it.
class ChangeSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The longest time between two looks for commits elsewhere, in milliseconds.
    [[nodiscard]] virtual int interval() const = 0;
    virtual void setInterval(int intervalMs) = 0;
    [[nodiscard]] virtual bool isActive() const = 0;
    virtual void start() = 0;
    virtual void stop() = 0;

    // Looks once now; emits changed() and returns true when another connection committed since the last look.
    // A failed look (a busy database, a dropped connection) counts as no change and is tried again later.
    virtual bool poll() = 0;

signals:
    // Another connection committed: what is shown may be stale.
    void changed();
};

} // namespace dermdesk
