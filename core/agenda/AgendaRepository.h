#pragma once

#include "AgendaEntry.h"
#include "calendar/ClinicTime.h"
#include "calendar/ScheduleSetup.h"
#include "common/Result.h"

#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// Reads appointments as the schedule shows them. Read-only; every query is a range scan on
// appointment(starts_at) or appointment(practitioner_id, starts_at).
class AgendaRepository
{
public:
    explicit AgendaRepository(const Database &database);

    // The appointments that start in `range` (UTC Unix seconds, e.g. ClinicTime::dayRange), cancelled
    // and no-shows included, ordered by start, then practitioner. With `practitionerId`, only that
    // practitioner's.
    [[nodiscard]] Result<QList<AgendaEntry>> between(const ClinicTime::Range &range,
                                                     std::optional<qint64> practitionerId = std::nullopt) const;

    // The appointments that start in `range` as the schedule view draws them, cancelled and no-shows
    // included, in start order (then id). Practitioner, type and room names and colours come from `setup`
    // (looked up once per id, not joined per row); notes are left empty. The lighter read behind
    // ScheduleModel: one index range scan on appointment(starts_at) joined to the patient by primary key.
    // Treatment-plan sessions come with their "n of N" and window flag (PlanSessionMarks), read in the
    // same statement.
    [[nodiscard]] Result<QList<AgendaEntry>> forSchedule(const ClinicTime::Range &range,
                                                         const ScheduleSetup &setup) const;
    // The statement forSchedule runs (two positional parameters: the range's from and to), for measuring
    // it bare.
    [[nodiscard]] static const char *scheduleStatement();

private:
    const Database &m_database;
};

} // namespace dermdesk
