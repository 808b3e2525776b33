#pragma once

#include "PlanSession.h"
#include "SessionRecord.h"
#include "TreatmentPlan.h"
#include "calendar/ClinicTime.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// The sessions of treatment plans: which appointment holds each one, where it lies against its interval
// window, and the practitioner's record of it. Writes run in one BEGIN IMMEDIATE transaction and are audited
// (entity "treatment_session"); a refusal writes nothing.
//
// A session row (treatment_session) exists once a session was booked; its sequence number stays with it
// when its appointment is cancelled and the session is booked again (the row then names the new
// appointment). Use on the Database's thread; the Database and the Clock must outlive the repository.
class TreatmentSessionRepository
{
public:
    explicit TreatmentSessionRepository(const Database &database, const Clock &clock = Clock::system());

    // Sessions 1..max(planned, stored) of the plan in sequence order, those never booked as placeholders
    // (sessionId 0), each judged against its interval window with dates in `time`'s zone.
    [[nodiscard]] Result<QList<PlanSession>> sessions(const TreatmentPlan &plan, const ClinicTime &time) const;

    // The record of the session an appointment holds; nullopt when the appointment is no plan session.
    [[nodiscard]] Result<std::optional<SessionRecord>> forAppointment(qint64 appointmentId) const;
    // The last recorded session of the plan before `sequence`; nullopt when there is none.
    [[nodiscard]] Result<std::optional<SessionRecord>> previousRecord(qint64 planId, int sequence) const;

    // Saves the practitioner's record (identified by record.sessionId): one area at least ("areas"), each
    // 0.25–3.0 mm ("depth"), a practitioner ("practitioner"). Refused as rule.session.cancelled when the
    // session's appointment is cancelled or a no-show, rule.session.not_started when it has not started yet.
    // Sets performed_at to the appointment's start when it was not set.
    Status record(const SessionRecord &record);

    // Links `appointmentId` to session `sequence` of the plan inside the caller's transaction: updates the
    // row when the sequence has one (its previous appointment was cancelled or missed), inserts one otherwise.
    // Audited as "book" with the override reason when there is one.
    Status linkBooked(qint64 planId, int sequence, qint64 appointmentId, qint64 practitionerId,
                      const QString &intervalOverrideReason) const;
    // Stores why session `sessionId` was moved earlier than its interval window allows, inside the caller's
    // transaction (treatment_session.interval_override_reason), audited as "interval_override" with the
    // appointment and its new start (UTC Unix seconds). A blank reason clears it ("interval_override_cleared").
    Status recordIntervalOverride(qint64 sessionId, qint64 appointmentId, qint64 startsAt, const QString &reason) const;

private:
    [[nodiscard]] Result<std::optional<SessionRecord>> readRecord(const QString &where, qint64 key,
                                                                  std::optional<int> beforeSequence = {}) const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
