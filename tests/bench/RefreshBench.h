#pragma once

#include <QString>
#include <QStringList>

namespace dermdesk::bench {

class BenchReport;

// How quickly what is committed reaches what a desk shows, on a demo clinic at scale. Both figures book on a copy
// made beside `path` (removed after), one appointment a run, each in a free slot of its own.

// refresh_latency_ms: from a commit by ANOTHER PROCESS on the same file until this process's schedule model (a
// ClinicSession's ScheduleModel on the booking's day, following the session's changes as the schedule area does)
// holds the new appointment. The other process is this program again (`self`), run with refreshChildOption(): it
// books one appointment and prints the wall-clock instant right after its commit; this process notes the instant its
// model holds the row. Latency = hold - commit, both read from the system's real-time clock.
void benchRefreshLatency(BenchReport &report, const QString &path, int runs, const QString &self);

// refresh_local_ms: the main window on the clinic (the schedule on the booking's day, the practitioner's-day panel
// open, the booked patient's page built); from the commit of a booking made through the window's session until every
// open view holds it. Needs a QApplication.
void benchRefreshLocal(BenchReport &report, const QString &path, int runs);

// The command-line option that makes this program the other process of benchRefreshLatency.
[[nodiscard]] QString refreshChildOption();
// The other process's work: books the booking described by `booking` on the clinic at `path`, then prints
// "<id> <commit instant in microseconds since the epoch>" on stdout. Returns the exit code (0 when booked).
int bookForRefresh(const QString &path, const QString &booking);

} // namespace dermdesk::bench
