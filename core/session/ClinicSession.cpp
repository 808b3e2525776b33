#include "ClinicSession.h"

#include "ChangeReader.h"
#include "clinic/ClinicRepository.h"
#include "storage/ChangeWatcher.h"

#include <QMetaObject>

namespace dermdesk {

Result<std::unique_ptr<ClinicSession>> ClinicSession::open(const QString &location, const Options &options,
                                                           const Clock &clock)
{
    Result<std::unique_ptr<Database>> database = Database::open(location, options.database);
    if (!database)
        return database.error();
    return adopt(std::move(database.value()), clock, options.watchIntervalMs);
}

std::unique_ptr<ClinicSession> ClinicSession::adopt(std::unique_ptr<Database> database, const Clock &clock,
                                                    int watchIntervalMs)
{
    return std::unique_ptr<ClinicSession>(new ClinicSession(std::move(database), clock, watchIntervalMs));
}

ClinicSession::ClinicSession(std::unique_ptr<Database> database, const Clock &clock, int watchIntervalMs)
    : m_database(std::move(database))
    , m_clock(clock)
    , m_reader(std::make_unique<ChangeReader>(*m_database))
{
    if (const Result<qint64> newest = m_reader->newestId())
        m_lastAuditId = newest.value();
    m_watcher = new ChangeWatcher(*m_database, watchIntervalMs, this);
    connect(m_watcher, &ChangeWatcher::changed, this, &ClinicSession::committedElsewhere);
    m_database->setCommitObserver([this] { committedHere(); });
}

ClinicSession::~ClinicSession()
{
    m_database->setCommitObserver({});
    // The services hold references to the database: they go first.
    m_services.clear();
}

void ClinicSession::setActor(Actor actor)
{
    m_database->setActor(std::move(actor));
}

QTimeZone ClinicSession::zone() const
{
    if (!m_zone) {
        const Result<std::optional<ClinicSettings>> settings = service<ClinicRepository>().settings();
        QTimeZone zone = QTimeZone::systemTimeZone();
        if (settings && settings.value() && QTimeZone::isTimeZoneIdAvailable(settings.value()->timeZone))
            zone = QTimeZone(settings.value()->timeZone);
        m_zone = zone;
    }
    return *m_zone;
}

void ClinicSession::committedHere()
{
    m_pendingHere = true;
    if (m_announceQueued)
        return;
    m_announceQueued = true;
    QMetaObject::invokeMethod(this, &ClinicSession::collect, Qt::QueuedConnection);
}

void ClinicSession::committedElsewhere()
{
    m_pendingElsewhere = true;
    collect();
}

void ClinicSession::announceChanges()
{
    m_watcher->poll();
    collect();
}

void ClinicSession::collect()
{
    m_announceQueued = false;
    if (!m_pendingHere && !m_pendingElsewhere)
        return;
    qint64 newest = m_lastAuditId;
    Result<ChangeSet> read = m_reader->changesAfter(m_lastAuditId, &newest);
    ChangeSet changes;
    if (read)
        changes = read.value();
    if (!read || changes.isEmpty())
        changes.everything = true;
    changes.local = !m_pendingElsewhere;
    m_lastAuditId = newest;
    m_pendingHere = false;
    m_pendingElsewhere = false;
    if (changes.touchesSetup())
        m_zone.reset();
    emit changed(changes);
}

} // namespace dermdesk
