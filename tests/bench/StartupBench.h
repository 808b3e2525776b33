#pragma once

#include <QString>

#include <optional>

namespace dermdesk::bench {

// One launch of a program that prints {"first_paint_ms": ..., "peak_rss_kib": ...} at its first
// paint and quits (dermdesk --startup-probe, or the empty-window baseline).
struct StartupSample
{
    double wallMs = 0;       // from QProcess::start() to the probe line: exec, loading, start-up, first paint
    double selfReportedMs = 0; // the program's own figure, from its main()
    double peakRssMib = 0;   // VmHWM when it painted; 0 if it did not report it
};

// Runs `program` with `arguments` once; nullopt (and a reason) if it failed or timed out.
std::optional<StartupSample> launchOnce(const QString &program, const QStringList &arguments, QString *failure);

} // namespace dermdesk::bench
