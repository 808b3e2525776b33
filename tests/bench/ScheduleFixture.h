#pragma once

#include "DemoDatabase.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/SlotFinder.h"

#include <QList>
#include <QString>

class QTemporaryDir;

#include <optional>

namespace dermdesk::bench {

// A demo clinic opened for the schedule's figures, with the clinic's set-up and the treatment type they book:
// 60 minutes long, or else the first active treatment someone performs. On failure `failure` says why.
struct ScheduleFixture : DemoDatabase
{
    std::optional<ScheduleSetup> setup;
    qint64 typeId = 0;
};

[[nodiscard]] ScheduleFixture openScheduleFixture(const QString &path);

// The first `count` free slots for the fixture's type, any practitioner, in the 8 weeks from the demo's today.
[[nodiscard]] SlotFinder::Query eightWeeks(const ScheduleFixture &fixture, int count);

// "Microneedling – face (80 min)": the type's name and its visit's length.
[[nodiscard]] QString typeName(const ScheduleFixture &fixture);

// A template for a temporary folder beside the demo file at `path` (on the same disk, where a copy of it fits).
[[nodiscard]] QString besideDemo(const QString &path);
// The fixture on a copy of the clinic at `path` made in `work` (SQLite's online backup: a consistent copy), for
// figures that write. The copy's path is the fixture's database's path.
[[nodiscard]] ScheduleFixture openScheduleCopy(const QString &path, const QTemporaryDir &work);
// The ids of the `count` newest patients who are not archived, newest first.
[[nodiscard]] QList<qint64> newestPatients(const Database &database, int count);

} // namespace dermdesk::bench
