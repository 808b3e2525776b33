#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Actor.h"
#include "storage/ChangeSet.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QObject>
#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <memory>
#include <type_traits>
#include <typeindex>
#include <unordered_map>

namespace dermdesk {

class BackgroundBackup;

class ChangeReader;
class ChangeSource;

// One open clinic: the only place the storage engine is chosen and the connection opened, the owner of the
// repositories and services every view and command uses, of the clock and of who is acting, and the one voice
// that says what changed after every commit.
//
// Changes. After every commit — made through this session, in another window or process on the same clinic, or by
// dermdesk-cli — changed() says what changed (ChangeSet: appointments and the time they occupy, patients, plans,
// waitlist entries, blockouts, the set-up). Commits made through this session are announced as soon as control
// returns to the event loop (or at once with announceChanges()); others within a fraction of a second (the storage
// engine's change watcher). What changed is read from the audit log, which every write fills in the same
// transaction; a commit that left no audit row is announced as `everything`.
//
// Services. service<T>() returns the session's one T (a repository or a service such as SlotFinder), built on first
// use from (database, clock) or (database) and kept as long as the session: a repository that caches the clinic's
// set-up caches it once for every view. Views and commands receive the session; they never build repositories or
// keep the Database themselves. database() is for core objects built per view (item models, document composers),
// which take it in their constructor.
//
// A clinic server that goes away (a restart, a network cut). When the connection is found lost, connectionLost() is
// emitted once and the session reconnects by itself with back-off (after 0.5, 1, 2, 4 and 8 s, then every 15 s;
// each attempt waits at most reconnectTimeoutSeconds for the server). Meanwhile every write is refused at once with
// a Storage error saying nothing was saved (never queued) and reads fail with the Storage error "unreachable". Once
// reconnected, connectionRestored() is emitted and then changed() with `everything`: what other desks committed
// meanwhile was not announced, and a write whose confirmation the dropped connection lost may or may not have been
// saved, so every view reloads what it shows and shows what the server holds.
//
// Threading: the session and everything it owns belong to the thread that opened it.
class ClinicSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        Database::Options database;
        // How often the change watcher looks for commits by other connections, in milliseconds (it also looks at
        // once when the database file reports a write).
        int watchIntervalMs = 250;
    };

    // Opens the clinic at `location`: a clinic file's path (or a file:// URL), or a clinic server's address
    // (postgresql://user@host/clinic, see ServerAddress). Database::open chooses the storage engine from the
    // location's form and returns the errors this returns.
    static Result<std::unique_ptr<ClinicSession>> open(const QString &location, const Options &options,
                                                       const Clock &clock = Clock::system());
    static Result<std::unique_ptr<ClinicSession>> open(const QString &location) { return open(location, Options()); }
    // Whether `location` names a clinic file (a path, or a file:// URL) rather than a server address. For callers
    // that look at a file before opening it.
    [[nodiscard]] static bool isFileLocation(const QString &location);
    // A session over a database opened already (the desktop program's opener asks about damage and privacy
    // first). Watches for other connections' commits every `watchIntervalMs` milliseconds.
    static std::unique_ptr<ClinicSession> adopt(std::unique_ptr<Database> database,
                                                const Clock &clock = Clock::system(), int watchIntervalMs = 250);

    ~ClinicSession() override;
    ClinicSession(const ClinicSession &) = delete;
    ClinicSession &operator=(const ClinicSession &) = delete;

    [[nodiscard]] const Database &database() const { return *m_database; }
    // For the few owners of the file itself (backing it up, the damage banner).
    [[nodiscard]] Database &writableDatabase() { return *m_database; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    // A backup of the clinic into `file`, made on a worker thread with a connection of its own (BackgroundBackup),
    // owned by `parent`; nothing runs until its start(). The session must stay open while it runs.
    [[nodiscard]] BackgroundBackup *backUpInBackground(const QString &file, QObject *parent) const;
    // Where the clinic lives: its file's path, or its server address without the password.
    [[nodiscard]] QString location() const { return m_database->path(); }

    // Who the audit log names for changes made through this session.
    [[nodiscard]] const Actor &actor() const { return m_database->actor(); }
    void setActor(Actor actor);

    // The clinic's time zone (its settings; the system zone before the clinic is set up). Kept up to date when the
    // settings change, here or elsewhere.
    [[nodiscard]] QTimeZone zone() const;

    // The session's one T; see the class comment.
    template<class T>
    [[nodiscard]] T &service() const
    {
        auto found = m_services.find(std::type_index(typeid(T)));
        if (found != m_services.end())
            return *static_cast<T *>(found->second.get());
        T *made = nullptr;
        if constexpr (std::is_constructible_v<T, const Database &, const Clock &>)
            made = new T(*m_database, m_clock);
        else
            made = new T(*m_database);
        m_services.emplace(std::type_index(typeid(T)),
                           std::unique_ptr<void, void (*)(void *)>(made, [](void *p) { delete static_cast<T *>(p); }));
        return *made;
    }

    // Announces now what commits made through this session changed, instead of when control returns to the event
    // loop (e.g. to select what was just booked in views that must hold it first). Also looks for commits by other
    // connections. Nothing is emitted when nothing changed.
    void announceChanges();
    // What tells the session of other connections' commits (the storage engine's change source; its interval can
    // be changed).
    [[nodiscard]] ChangeSource &changeWatcher() const { return *m_changes; }

    // --- A clinic server that goes away (see the class comment); a clinic file is always connected ---

    // How long one reconnection attempt waits for the server, at most.
    static constexpr int reconnectTimeoutSeconds = 3;
    [[nodiscard]] bool isConnected() const { return m_database->isConnected(); }
    // When the connection was found lost (the session's clock); invalid while connected.
    [[nodiscard]] QDateTime disconnectedSince() const { return m_lostAt; }
    // Tries to reconnect at once instead of at the next attempt (a person's "Try now"); true when connected after
    // it. Blocks for at most reconnectTimeoutSeconds.
    bool reconnectNow();

signals:
    // Something was committed; `changes` says what. Emitted on the session's thread, never from inside a
    // transaction.
    void changed(const dermdesk::ChangeSet &changes);
    // The connection to the clinic server was lost; `message` says how. Emitted once per loss, from the event loop.
    void connectionLost(const QString &message);
    // The connection is back; changed() with `everything` follows at once.
    void connectionRestored();

private:
    ClinicSession(std::unique_ptr<Database> database, const Clock &clock, int watchIntervalMs);

    void committedHere();
    void committedElsewhere();
    void collect();
    void lost(const Error &error);
    void announceLoss(const QString &message);
    // One reconnection attempt; schedules the next on failure.
    bool attemptReconnect();

    std::unique_ptr<Database> m_database;
    const Clock &m_clock;
    std::unique_ptr<ChangeReader> m_reader;
    std::unique_ptr<ChangeSource> m_changes;
    qint64 m_lastAuditId = 0;
    // Commits seen since the last announcement: here (through this connection) and elsewhere.
    bool m_pendingHere = false;
    bool m_pendingElsewhere = false;
    bool m_announceQueued = false;
    mutable std::optional<QTimeZone> m_zone;
    QDateTime m_lostAt;
    QTimer *m_reconnectTimer = nullptr;
    // Failed reconnection attempts since the loss; chooses the next delay.
    int m_attempts = 0;
    mutable std::unordered_map<std::type_index, std::unique_ptr<void, void (*)(void *)>> m_services;
};

} // namespace dermdesk
