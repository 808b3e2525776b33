#pragma once

#include <QObject>
#include <QPointer>
#include <QWidget>

#include <cstdio>

namespace dermdesk::ui {

// For benchmarks: waits until `watched` has painted for the first time and the event loop is idle
// again, then writes one JSON line to `out`,
//   {"first_paint_ms": <ms since the process started>, "peak_rss_kib": <VmHWM>}
// and quits the application with exit code 0.
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    // `elapsedMs` is how long the process has run by now (main()'s own timer): the fallback
    // where /proc is not available.
    StartupProbe(QWidget *watched, qint64 elapsedMs, std::FILE *out = stdout, QObject *parent = nullptr);

    // Milliseconds since this process started, from /proc/self/stat; -1 where unavailable.
    [[nodiscard]] static qint64 processAgeMs();
    // Peak resident memory (VmHWM) in KiB, from /proc/self/status; -1 where unavailable.
    [[nodiscard]] static qint64 peakResidentKib();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    QPointer<QWidget> m_watched;
    qint64 m_fallbackStartMs;
    std::FILE *m_out;
    bool m_painted = false;
};

} // namespace dermdesk::ui
