#pragma once

#include "Database.h"
#include "common/Result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace dermdesk {

// A backup of an open clinic (Database::backupTo) written on a worker thread of its own, so the window that asked for
// it goes on answering: the worker opens a second connection to the clinic (Database::openAgain; a connection belongs
// to the thread that opened it) and reports the progress of a server clinic's copy table by table.
//
// Threading: created, started, cancelled and destroyed on the thread that owns `database`; its signals arrive there.
class BackgroundBackup : public QObject
{
    Q_OBJECT

public:
    // `database` must stay open while the backup runs (a server's second connection is cloned from its connection);
    // `file` is where the backup goes (Database::backupTo's rules: it must not exist yet, its folder must).
    BackgroundBackup(const Database &database, QString file, QObject *parent = nullptr);
    // Cancels a backup still running and waits for its worker to end.
    ~BackgroundBackup() override;

    // Starts the worker; refuses (and starts nothing) a clinic found damaged. Call once.
    [[nodiscard]] Status start();
    // Stops the backup: the worker stops at its next check (between batches of rows), and whatever it wrote is
    // removed, even when it had just finished. finished() follows, with the Storage error "cancelled".
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isCancelled() const { return m_cancelled.load(); }
    [[nodiscard]] QString file() const { return m_file; }
    // How the backup ended; only meaningful after finished().
    [[nodiscard]] Status result() const { return m_result; }

signals:
    // A table being copied, its rows copied so far and its rows in all (a server clinic's backup; a clinic file's is
    // copied in one piece and reports nothing).
    void progressed(const QString &table, qint64 copied, qint64 rows);
    // The backup ended (result()): written and proven, failed with nothing kept, or cancelled with nothing kept.
    void finished();

private:
    void collect();

    Database::Reopening m_source;
    Status m_sourceHealth;
    QString m_file;
    std::atomic<bool> m_cancelled{false};
    bool m_running = false;
    // Written by the worker before it ends; read once it has.
    Status m_outcome;
    Status m_result;
    std::unique_ptr<QThread> m_worker;
};

} // namespace dermdesk
