#pragma once

#include <QString>

namespace dermdesk::bench {

class BenchReport;

// Several desks booking on one clinic at once, on a scratch copy of the clinic at `path` (ScratchClinic). Each desk is
// a process of its own: this program again (`self`) run with deskChildOption(), opening its own connection and
// booking through BookingService, as a desk of the desktop program does.
//
// Each desk first opens the clinic and makes one booking of its own, as a desk that has been open a while has (a
// connection's first write also pays for the server reading the catalog and compiling the triggers).
// desks8_book_p95_ms: then the 8 desks each book `runs` different free slots (none overlapping another in time, each
// checked beforehand with BookingService::preview), all starting at the same moment; the 95th percentile of the time
// each booking took (BookingService::book, waiting for the clinic's write lock included).
// desks8_first_book_ms: the median time of the desks' first bookings (no target; reported so that it stays seen).
// desks8_race_double_bookings: then 8 new desks, each after a first booking of its own, race for the same `runs`
// slots (each desk for its own patients); the number of double bookings found afterwards by SQL (holding
// appointments overlapping per practitioner, room or patient, counting every pair that involves an appointment
// booked here): it must be 0.
void benchDesks(BenchReport &report, const QString &path, int runs, const QString &self);

// The command-line option that makes this program one desk of benchDesks.
[[nodiscard]] QString deskChildOption();
// One desk's work: opens the clinic at `path`, makes the first booking of `bookings` and prints "ready <milliseconds>
// ok", waits for a line on stdin, books every other booking in turn, prints "<milliseconds> <ok|error code>" for each
// and then "done", and closes the clinic at the next line on stdin.
// Returns the exit code (0 once every booking was tried).
int bookAsDesk(const QString &path, const QString &bookings);

} // namespace dermdesk::bench
