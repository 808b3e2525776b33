// ClinicSession's side of a clinic server that goes away: announcing the loss, reconnecting with back-off, and
// having every view reload once the server answers again.

#include "ClinicSession.h"

#include "ChangeReader.h"
#include "storage/ChangeSource.h"

#include <QMetaObject>

#include <array>

namespace dermdesk {

namespace {

// The waits before the first reconnection attempts, in milliseconds; then every steadyDelayMs.
constexpr std::array<int, 5> backOffMs = {500, 1000, 2000, 4000, 8000};
constexpr int steadyDelayMs = 15000;

int delayBeforeAttempt(int failedAttempts)
{
    return failedAttempts < int(backOffMs.size()) ? backOffMs.at(std::size_t(failedAttempts)) : steadyDelayMs;
}

} // namespace

void ClinicSession::lost(const Error &error)
{
    // Called from inside the failed statement (maybe inside a transaction): the announcement waits for the event
    // loop, the refusal of further writes does not (the Database is marked lost already).
    m_lostAt = m_clock.now();
    m_changes->stop();
    const QString message = error.message();
    QMetaObject::invokeMethod(
        this, [this, message] { announceLoss(message); }, Qt::QueuedConnection);
}

void ClinicSession::announceLoss(const QString &message)
{
    if (m_database->isConnected())
        return;
    m_attempts = 0;
    m_reconnectTimer->start(delayBeforeAttempt(0));
    emit connectionLost(message);
}

bool ClinicSession::reconnectNow()
{
    if (m_database->isConnected())
        return true;
    m_reconnectTimer->stop();
    return attemptReconnect();
}

bool ClinicSession::attemptReconnect()
{
    if (m_database->isConnected())
        return true;
    if (!m_database->reconnect(reconnectTimeoutSeconds)) {
        ++m_attempts;
        m_reconnectTimer->start(delayBeforeAttempt(m_attempts));
        return false;
    }
    m_reconnectTimer->stop();
    m_attempts = 0;
    m_lostAt = QDateTime();
    // What other desks committed meanwhile was never announced: every view reloads, from the log's tail on.
    if (const Result<qint64> newest = m_reader->newestId())
        m_lastAuditId = newest.value();
    m_pendingHere = false;
    m_pendingElsewhere = false;
    m_zone.reset();
    m_changes->start();
    emit connectionRestored();
    ChangeSet everything;
    everything.everything = true;
    everything.local = false;
    emit changed(everything);
    return true;
}

} // namespace dermdesk
