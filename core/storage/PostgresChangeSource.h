#pragma once

#include "ChangeSource.h"

#include <QSqlDriver>
#include <QTimer>

namespace dermdesk {

class PostgresEngine;

// PostgreSQL's change source (PostgresEngine::watchChanges): tells the clinic session when another desk, a
// dermdesk-cli or psql has committed to the clinic.
//
// The schema's triggers notify the channel PostgresEngine::changeChannel from every write; the driver delivers the
// notification once the writer commits, and one from another connection is reported at once. As a fallback (a
// notification lost while the connection was down), the change counter the same triggers advance is read every
// `intervalMs`: a value past the one this connection accounts for (its own commits, what was reported) is reported
// too. Changes made through this connection are not reported. A look that cannot read the counter asks the server
// whether it answers at all (`SELECT 1`); when it does not, the engine reports the connection lost (see
// PostgresEngine), and after Database::reconnect() the source subscribes again (resubscribe()).
//
// Threading: lives on the connection's thread; notifications arrive through its event loop. The engine and its
// connection must outlive the source.
class PostgresChangeSource : public ChangeSource
{
    Q_OBJECT

public:
    PostgresChangeSource(const PostgresEngine &engine, int intervalMs, QObject *parent = nullptr);
    ~PostgresChangeSource() override;

    [[nodiscard]] int interval() const override { return m_timer.interval(); }
    void setInterval(int intervalMs) override { m_timer.setInterval(intervalMs); }
    [[nodiscard]] bool isActive() const override { return m_timer.isActive(); }
    void start() override { m_timer.start(); }
    void stop() override { m_timer.stop(); }

    bool poll() override;

    // Whether the connection receives the server's notifications (false when subscribing failed: then only the
    // counter is read).
    [[nodiscard]] bool isSubscribed() const { return m_subscribed; }
    // On a connection opened again (PostgresEngine::reconnected()): drops the subscription the driver still lists
    // from the dropped connection, subscribes again and takes the change counter as it is now as seen.
    void resubscribe();

private:
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    // Takes what the counter says now as seen; true when that is news (not this connection's own write).
    bool look();
    void subscribe();

    const PostgresEngine &m_engine;
    QTimer m_timer;
    bool m_subscribed = false;
};

} // namespace dermdesk
