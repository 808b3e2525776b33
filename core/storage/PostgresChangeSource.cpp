#include "PostgresChangeSource.h"

#include "PostgresEngine.h"

#include <QSqlDatabase>

namespace dermdesk {

PostgresChangeSource::PostgresChangeSource(const PostgresEngine &engine, int intervalMs, QObject *parent)
    : ChangeSource(parent)
    , m_engine(engine)
{
    m_engine.setAccountedCounter(m_engine.changeCounter().value_or(-1));
    // The driver object stays the same across Database::reconnect(): connected once.
    if (QSqlDriver *driver = m_engine.connection().driver())
        connect(driver, &QSqlDriver::notification, this, &PostgresChangeSource::notified);
    subscribe();
    m_engine.attach(this);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
    m_timer.start();
}

void PostgresChangeSource::subscribe()
{
    QSqlDriver *driver = m_engine.connection().driver();
    m_subscribed = driver && driver->subscribeToNotification(QLatin1String(PostgresEngine::changeChannel));
}

void PostgresChangeSource::resubscribe()
{
    QSqlDriver *driver = m_engine.connection().driver();
    if (driver && driver->subscribedToNotifications().contains(QLatin1String(PostgresEngine::changeChannel)))
        driver->unsubscribeFromNotification(QLatin1String(PostgresEngine::changeChannel));
    subscribe();
    m_engine.setAccountedCounter(m_engine.changeCounter().value_or(-1));
}

PostgresChangeSource::~PostgresChangeSource()
{
    m_engine.detach(this);
    const QSqlDatabase connection = m_engine.connection();
    if (m_subscribed && connection.isOpen() && connection.driver())
        connection.driver()->unsubscribeFromNotification(QLatin1String(PostgresEngine::changeChannel));
}

void PostgresChangeSource::notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &)
{
    if (name != QLatin1String(PostgresEngine::changeChannel) || source == QSqlDriver::SelfSource)
        return;
    // Another connection committed: news even when the counter cannot tell it apart from a write of ours.
    look();
    emit changed();
}

bool PostgresChangeSource::look()
{
    const std::optional<qint64> now = m_engine.changeCounter();
    if (!now || *now == m_engine.accountedCounter())
        return false;
    m_engine.setAccountedCounter(*now);
    return true;
}

bool PostgresChangeSource::poll()
{
    const std::optional<qint64> now = m_engine.changeCounter();
    if (!now) {
        // The counter cannot be read: a connection the server dropped is reported from here when no statement
        // has met it yet.
        m_engine.answers();
        return false;
    }
    if (*now == m_engine.accountedCounter())
        return false;
    m_engine.setAccountedCounter(*now);
    emit changed();
    return true;
}

} // namespace dermdesk
