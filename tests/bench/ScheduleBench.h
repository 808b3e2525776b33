#pragma once

#include <QString>

namespace dermdesk::bench {

class BenchReport;

// The schedule's interactive figures (issue 3) on a demo clinic at scale, each the median of `runs`.
// None of them changes the database at `path`: book_ms books on a copy made beside it (removed after).
// "Now" is the demo's own present: the latest appointment creation time in the file.

// book_ms: validate and store one 60-minute treatment at a free time (AppointmentRepository::book).
void benchBook(BenchReport &report, const QString &path, int runs);
// find_slots_ms: the first 10 free slots for a 60-minute treatment in the next 8 weeks, any practitioner.
void benchFindSlots(BenchReport &report, const QString &path, int runs);
// week_load_ms: ScheduleModel loading the compact week of all practitioners; week_load_ms_raw: the same
// rows by a bare sqlite3 query on Database::nativeHandle(); week_load_ratio: the first over the second;
// week_agenda_ms: the same week through AgendaRepository::between, for comparison.
void benchWeekLoad(BenchReport &report, const QString &path, int runs);

// day_paint_ms: ScheduleView painting today with every practitioner's column at 1600x1000 (grab into a
// QPixmap). Needs a QApplication (the "paint" group); writes the last frame to `pngPath` when given.
void benchDayPaint(BenchReport &report, const QString &path, int runs, const QString &pngPath);

// The "schedule" group: all of the above.
void benchSchedule(BenchReport &report, const QString &path, int runs);

} // namespace dermdesk::bench
