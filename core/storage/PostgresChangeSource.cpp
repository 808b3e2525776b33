#include "PostgresChangeSource.h"

#include "PostgresEngine.h"

#include <QSqlDatabase>

namespace dermdesk {

PostgresChangeSource::PostgresChangeSource(const PostgresEngine &engine, int intervalMs, QObject *parent)
    : ChangeSource(parent)
    , m_engine(engine)
{
    m_engine.setAccountedCounter(m_engine.changeCounter().value_or(-1));
    QSqlDriver *driver = m_engine.connection().driver();
    if (driver) {
        m_subscribed = driver->subscribeToNotification(QLatin1String(PostgresEngine::changeChannel));
        connect(driver, &QSqlDriver::notification, this, &PostgresChangeSource::notified);
    }
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
    m_timer.start();
}

PostgresChangeSource::~PostgresChangeSource()
{
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
    if (!look())
        return false;
    emit changed();
    return true;
}

} // namespace dermdesk
