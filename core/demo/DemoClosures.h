#pragma once

#include "DemoRecords.h"
#include "DemoSchedule.h"

namespace dermdesk::demo {

// Plans the clinic's closures and blockouts over the whole calendar: public holidays (whole
// clinic), a weekly team meeting (whole clinic, Wednesday 08:00–08:45), each practitioner's
// annual leave week and yearly training day, and twice-yearly servicing of one treatment room
// per team. Each is marked in `schedule`, so no visit lands in it, and appended to `out`.
// Rows are created (UTC Unix seconds) two months ahead of their start, between `setupAt`, when
// the clinic was set up, and `now`.
void planClosures(DemoSchedule &schedule, const DemoStaff &staff, quint64 seed, qint64 setupAt, qint64 now,
                  std::vector<DemoBlockout> &out);

} // namespace dermdesk::demo
