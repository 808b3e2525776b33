#include "BackgroundBackup.h"

#include "common/Translation.h"

#include <QFile>
#include <QThread>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::BackgroundBackup");

Error cancelledBackup()
{
    return Error::storage(QStringLiteral("cancelled"), tr("The backup was cancelled; no file was kept."));
}

} // namespace

BackgroundBackup::BackgroundBackup(const Database &database, QString file, QObject *parent)
    : QObject(parent)
    , m_source(database.reopening())
    , m_file(std::move(file))
{
    // A copy of a damaged file would carry the damage and could later be taken for a sound backup.
    if (database.health() == Database::Health::Damaged)
        m_sourceHealth = database.damage();
}

BackgroundBackup::~BackgroundBackup()
{
    if (m_worker) {
        m_cancelled = true;
        m_worker->wait();
    }
}

Status BackgroundBackup::start()
{
    if (!m_sourceHealth)
        return m_sourceHealth;
    m_running = true;
    m_worker.reset(QThread::create([this] {
        auto opened = Database::openAgain(m_source);
        if (!opened) {
            m_outcome = opened.error();
            return;
        }
        StorageEngine::BackupWatch watch;
        watch.progress = [this](const QString &table, qint64 copied, qint64 rows) {
            emit progressed(table, copied, rows);
        };
        watch.cancelled = [this] { return m_cancelled.load(); };
        m_outcome = opened.value()->backupTo(m_file, watch);
    }));
    connect(m_worker.get(), &QThread::finished, this, &BackgroundBackup::collect);
    m_worker->start();
    return {};
}

void BackgroundBackup::cancel()
{
    m_cancelled = true;
}

void BackgroundBackup::collect()
{
    m_worker->wait();
    m_running = false;
    m_result = m_outcome;
    if (m_cancelled) {
        // Stopped after the worker's last check, the backup was written: a cancelled backup leaves no file.
        if (m_result)
            QFile::remove(m_file);
        m_result = cancelledBackup();
    }
    emit finished();
}

} // namespace dermdesk
