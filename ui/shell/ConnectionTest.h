#pragma once

#include "common/Error.h"
#include "storage/ServerAddress.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace dermdesk::ui {

// "Test connection" for a clinic server: opens the address on a worker thread the way the desktop would, but without
// creating, migrating or writing anything (Database::Options createIfMissing, migrate off, read-only), reads the
// clinic's name and closes again. The outcome comes back on the GUI thread as one sentence for the person.
// How long the attempt may take is the address's connect_timeout.
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTest(QObject *parent = nullptr);
    // Waits for a test still running (at most the address's connect_timeout).
    ~ConnectionTest() override;

    // What a test found.
    struct Outcome
    {
        enum class Kind {
            // A DermDesk clinic; `clinicName` says which.
            Clinic,
            // A DermDesk database whose clinic is not set up yet.
            NotSetUp,
            // A database with nothing in it: opening it sets it up.
            EmptyDatabase,
            // The server wants a password, or refused the one given.
            Password,
            // Anything else (unreachable, not a DermDesk clinic, no btree_gist, newer schema, ...): `error` says it.
            Failed,
        };
        Kind kind = Kind::Failed;
        QString clinicName;
        Error error;
    };

    // Starts testing `address`; ignored while a test runs. finished() follows.
    void start(const ServerAddress &address);
    [[nodiscard]] bool isRunning() const;

    // Opens `address` without writing anything and says what is there (runs on the calling thread).
    [[nodiscard]] static Outcome run(const ServerAddress &address);
    // The sentence the dialog shows for `outcome` of testing `address` (never its password).
    [[nodiscard]] static QString describe(const Outcome &outcome, const ServerAddress &address);

signals:
    // The test of `address` ended: `sentence` as describe() says it; `connected` when the address can be opened.
    void finished(const QString &sentence, bool connected);

private:
    QPointer<QThread> m_thread;
};

} // namespace dermdesk::ui
