#pragma once

#include "AgendaEntry.h"
#include "CourseVisit.h"
#include "calendar/ClinicTime.h"
#include "calendar/ScheduleSetup.h"
#include "common/Result.h"
#include "patients/PatientVisit.h"

#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// Reads appointments as people see them listed: the schedule, a patient's timeline, the visits patient documents
// print. Read-only; every query is an index range scan on appointment(starts_at), (practitioner_id, starts_at) or
// (patient_id, starts_at), or a lookup by id.
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

    // Every appointment of the patient (cancelled and no-show ones too), latest first, for the patient's
    // timeline. An unknown patient simply has none.
    [[nodiscard]] Result<QList<PatientVisit>> patientVisits(qint64 patientId) const;
    // The patient's visits starting at or after `fromUtc` that still hold their slot, soonest first (at most
    // `limit`), as patient documents print them.
    [[nodiscard]] Result<QList<CourseVisit>> upcomingVisits(qint64 patientId, qint64 fromUtc, int limit) const;
    // Appointment `appointmentId` as patient documents print it; nullopt when there is no such appointment.
    [[nodiscard]] Result<std::optional<CourseVisit>> visit(qint64 appointmentId) const;
    // The sessions of plan `planId` starting at or after `fromUtc` that still hold their slot, and appointment
    // `keepId` whatever its status, in time order.
    [[nodiscard]] Result<QList<CourseVisit>> planVisitsFrom(qint64 planId, qint64 fromUtc, qint64 keepId) const;

private:
    const Database &m_database;
};

} // namespace dermdesk
