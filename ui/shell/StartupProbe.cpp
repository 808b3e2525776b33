#include "ui/shell/StartupProbe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QTimer>

#include <ctime>
#include <unistd.h>

namespace dermdesk::ui {

namespace {

// Milliseconds since boot on the clock /proc/<pid>/stat's starttime is measured on.
qint64 bootTimeMs()
{
    timespec now{};
    if (clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

} // namespace

StartupProbe::StartupProbe(QWidget *watched, qint64 elapsedMs, std::FILE *out, QObject *parent)
    : QObject(parent)
    , m_watched(watched)
    , m_fallbackStartMs(QDateTime::currentMSecsSinceEpoch() - elapsedMs)
    , m_out(out)
{
    if (m_watched)
        m_watched->installEventFilter(this);
}

qint64 StartupProbe::processAgeMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // starttime is field 22 overall, the 20th after the command name.
    constexpr qsizetype startTimeIndex = 19;
    if (fields.size() <= startTimeIndex)
        return -1;
    bool ok = false;
    const qint64 ticks = fields.at(startTimeIndex).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    const qint64 now = bootTimeMs();
    if (!ok || ticksPerSecond <= 0 || now < 0)
        return -1;
    return now - ticks * 1000 / ticksPerSecond;
}

qint64 StartupProbe::peakResidentKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report a size of 0: read to the end rather than asking atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_watched && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        m_watched->removeEventFilter(this);
        // Measure and report once this paint has finished and the window has been flushed.
        QTimer::singleShot(0, this, &StartupProbe::report);
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::report()
{
    const qint64 age = processAgeMs();
    const qint64 paintedAtMs = age >= 0 ? age : QDateTime::currentMSecsSinceEpoch() - m_fallbackStartMs;
    std::fprintf(m_out, "{\"first_paint_ms\": %lld, \"peak_rss_kib\": %lld}\n", static_cast<long long>(paintedAtMs),
                 static_cast<long long>(peakResidentKib()));
    std::fflush(m_out);
    QCoreApplication::exit(0);
}

} // namespace dermdesk::ui
