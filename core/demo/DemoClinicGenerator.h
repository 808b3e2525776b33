#pragma once

#include "ClinicCensus.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QDate>

#include <functional>

namespace dermdesk {

class Database;

// What a demo clinic should look like. The same options (seed and today included) always give
// the same clinic, byte for byte in its rows.
struct DemoOptions
{
    static constexpr int maxPatients = 1000000;
    static constexpr int maxYears = 30;

    // Number of patients (1..maxPatients); the staff and rooms grow with it so every appointment still fits.
    int patients = 400;
    // Years of history before today (0..maxYears). 0 means the small default clinic: six months back.
    int years = 0;
    quint64 seed = 20240419;
    // The demo's "today" (a date in the clinic's time zone). When valid, "now" is that day at
    // 12:00 clinic time, so the same options give the same rows on any day; when invalid, "now"
    // is the clock's instant. Visits before "now" have happened (completed, cancelled, no-show),
    // later ones are booked.
    QDate today;
    // Called now and then with 0..100 while generating; may be empty.
    std::function<void(int percent)> progress;
};

// What a generated demo clinic holds, counted in the database after writing.
using DemoSummary = ClinicCounts;

// Writes a realistic, rule-abiding demo clinic (Dr. Connie Hiers and colleagues, America/New_York).
class DemoClinicGenerator
{
public:
    explicit DemoClinicGenerator(DemoOptions options, const Clock &clock = Clock::system());

    // Fills a freshly created, empty clinic database (Database::wasCreated()): clinic settings,
    // staff, rooms and types through ClinicRepository, then patients, appointments (in time
    // order), plans, sessions and blockouts, with the database's overlap triggers and foreign
    // keys on. A database that already holds a clinic, or one on a server, is refused (InvalidInput, "database").
    // On failure the database may hold part of a demo; createFile() then removes the file.
    Result<DemoSummary> generate(Database &database) const;

    // Creates `path` (which must not exist yet) and fills it. On failure no file is left behind. A clinic server's
    // address is refused (InvalidInput, "output"): a demo reaches a server as a file copied with copy-clinic.
    Result<DemoSummary> createFile(const QString &path) const;

private:
    DemoOptions m_options;
    const Clock &m_clock;
};

} // namespace dermdesk
