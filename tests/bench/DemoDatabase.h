#pragma once

#include "common/Clock.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <memory>

namespace dermdesk::bench {

// Milliseconds (with fractions) since `timer` started.
[[nodiscard]] double msSince(const QElapsedTimer &timer);

// A clock that always reads one instant (UTC Unix seconds).
class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 now)
        : m_now(QDateTime::fromSecsSinceEpoch(now, Qt::UTC))
    {
    }
    [[nodiscard]] QDateTime now() const override { return m_now; }

private:
    QDateTime m_now;
};

// A demo clinic opened for measuring (never created), with "now" at the demo's own present: the latest
// appointment creation time in the file. On failure `failure` says why and the rest may be empty.
struct DemoDatabase
{
    std::unique_ptr<Database> database;
    std::unique_ptr<FixedClock> clock;
    QString failure;
};

[[nodiscard]] DemoDatabase openDemo(const QString &path);

// The target a figure has on the engine `database` is stored on: `file` for a clinic file (SQLite), `server` for a
// clinic server (PostgreSQL).
[[nodiscard]] inline double targetFor(const Database &database, double file, double server)
{
    return database.isOnServer() ? server : file;
}

} // namespace dermdesk::bench
