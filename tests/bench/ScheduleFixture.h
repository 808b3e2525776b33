#pragma once

#include "DemoDatabase.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/SlotFinder.h"

#include <QList>
#include <QString>

#include <optional>

namespace dermdesk::bench {

class ScratchClinic;

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

// The fixture on `copy`, a scratch copy of the demo clinic, for figures that write. The copy's location is the
// fixture's database's path.
[[nodiscard]] ScheduleFixture openScheduleCopy(const ScratchClinic &copy);
// The ids of the `count` newest patients who are not archived, newest first.
[[nodiscard]] QList<qint64> newestPatients(const Database &database, int count);

} // namespace dermdesk::bench
