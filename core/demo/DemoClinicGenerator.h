#pragma once

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
    // Number of patients; the staff and rooms grow with it so every appointment still fits.
    int patients = 400;
    // Years of history before today. 0 means the small default clinic: some months back.
    int years = 0;
    quint64 seed = 20240419;
    // The demo's "today" (a date in the clinic's time zone); invalid means the clock's today.
    QDate today;
    // Called now and then with 0..100 while generating; may be empty.
    std::function<void(int percent)> progress;
};

struct DemoSummary
{
    qint64 practitioners = 0;
    qint64 rooms = 0;
    qint64 patients = 0;
    qint64 appointments = 0;
    qint64 plans = 0;
    qint64 sessions = 0;
};

// Writes a realistic, rule-abiding demo clinic (Dr. Connie Hiers and colleagues, America/New_York).
class DemoClinicGenerator
{
public:
    explicit DemoClinicGenerator(DemoOptions options, const Clock &clock = Clock::system());

    // Fills a freshly created, empty clinic database (Database::wasCreated()).
    Result<DemoSummary> generate(Database &database) const;

    // Creates `path` (which must not exist yet) and fills it. On failure no file is left behind.
    Result<DemoSummary> createFile(const QString &path) const;

private:
    DemoOptions m_options;
    const Clock &m_clock;
};

} // namespace dermdesk
