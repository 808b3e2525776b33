#pragma once

#include "session/ClinicProbe.h"
#include "storage/ServerAddress.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace dermdesk::ui {

// "Test connection" for a clinic server: looks at the address on a worker thread (ClinicProbe: nothing created,
// migrated or written). The outcome comes back on the GUI thread as one sentence for the person.
// How long the attempt may take is the address's connect_timeout.
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTest(QObject *parent = nullptr);
    // Waits for a test still running (at most the address's connect_timeout).
    ~ConnectionTest() override;

    // What a test found.
    using Outcome = ClinicProbe;

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
