#include "ClinicSession.h"

#include "ChangeReader.h"
#include "clinic/ClinicRepository.h"
#include "storage/BackgroundBackup.h"
#include "storage/ChangeSource.h"
#include "storage/ServerAddress.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QRegularExpression>
#include <QUrl>

namespace dermdesk {

namespace {

// The scheme of a location written as a URL ("postgresql" in postgresql://user@host/clinic); empty for a path.
QString schemeOf(const QString &location)
{
    static const QRegularExpression url(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const QRegularExpressionMatch match = url.match(location.trimmed());
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

} // namespace

bool ClinicSession::isFileLocation(const QString &location)
{
    const QString scheme = schemeOf(location);
    return scheme.isEmpty() || scheme == QLatin1String("file");
}

Result<std::unique_ptr<ClinicSession>> ClinicSession::open(const QString &location, const Options &options,
                                                           const Clock &clock)
{
    QString path = location;
    const QString scheme = schemeOf(location);
    if (scheme == QLatin1String("file")) {
        path = QUrl(location.trimmed()).toLocalFile();
    } else if (!scheme.isEmpty() && !ServerAddress::looksLikeServer(location)) {
        const QString shown = QUrl(location.trimmed()).toDisplayString(QUrl::RemovePassword);
        return Error::storage(QStringLiteral("unsupported_location"),
                              QCoreApplication::translate("dermdesk::ClinicSession",
                                                          "%1 is neither a clinic file nor a clinic server address "
                                                          "(postgresql://user@host/clinic).")
                                  .arg(shown));
    }
    Result<std::unique_ptr<Database>> database = Database::open(path, options.database);
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
    m_changes = m_database->engine().watchChanges(watchIntervalMs);
    connect(m_changes.get(), &ChangeSource::changed, this, &ClinicSession::committedElsewhere);
    m_database->setCommitObserver([this] { committedHere(); });
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ClinicSession::attemptReconnect);
    m_database->setConnectionLossObserver([this](const Error &error) { lost(error); });
}

ClinicSession::~ClinicSession()
{
    m_database->setCommitObserver({});
    m_database->setConnectionLossObserver({});
    // The change source and the services hold references to the database: they go first.
    m_changes.reset();
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
    m_changes->poll();
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

BackgroundBackup *ClinicSession::backUpInBackground(const QString &file, QObject *parent) const
{
    return new BackgroundBackup(*m_database, file, parent);
}

} // namespace dermdesk
