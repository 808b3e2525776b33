#pragma once

#include "Appointment.h"
#include "AppointmentFacts.h"
#include "Attendance.h"
#include "ClinicTime.h"
#include "StatusChange.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "patients/PatientVisits.h"
#include "patients/ScreeningOutcome.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace dermdesk {

class Database;

// Reads and writes appointment rows, their status history (appointment_status_change) and their audit rows.
// It decides nothing: BookingService applies the booking rules and the status machine, then calls the writes
// here inside its transaction. Each write stores the row and writes its history and audit rows with it (the
// audit form of an appointment is appointment_audit::toJson), so an appointment is audited in one place.
//
// Errors: NotFound "appointment" / "patient" for a missing row, Storage (5) when the database cannot be used;
// a write that breaks the database's overlap triggers ends as rule.overlap.*. Instants are UTC Unix seconds;
// "at" of history rows comes from the Clock. Use on the Database's thread; the Database and the Clock must
// outlive the repository.
//
// It is also where the rest of the clinic reads appointments: treatment plans, documents, the patient list and
// the patient-record tools ask it for typed facts (facts(), nextVisits(), ...) rather than joining the table.
class AppointmentRepository : public PatientVisits
{
public:
    explicit AppointmentRepository(const Database &database, const Clock &clock = Clock::system());

    // NotFound "appointment" when there is no such id.
    [[nodiscard]] Result<Appointment> find(qint64 id) const;
    // Every recorded status change of the appointment, oldest first (its booking first). Appointments
    // stored before schema version 2 start with their first later change. NotFound "appointment".
    [[nodiscard]] Result<QList<StatusChange>> history(qint64 appointmentId) const;
    // The patient's completed, cancelled, late-cancelled and no-show counts. NotFound "patient".
    [[nodiscard]] Result<Attendance> attendance(qint64 patientId) const;
    // The same counts for each of `patientIds` (a day's patients), read together: one query per sqlListBatch ids.
    // Every id asked for is present (all zeros for a patient without appointments, or for no patient at all).
    [[nodiscard]] Result<QHash<qint64, Attendance>> attendance(const QList<qint64> &patientIds) const;

    // The appointments that hold their slot and whose busy time [start, end + cleanup) overlaps `range`,
    // in start order. The query behind SlotFinder and the rules; a short index range scan.
    [[nodiscard]] Result<QList<Appointment>> occupying(const ClinicTime::Range &range) const;
    // The same, only those of `practitionerId`, of `roomId` (none: no room's) or of `patientId`: all that the rules
    // compare a candidate with when its room is given, a few rows where the whole clinic has dozens.
    [[nodiscard]] Result<QList<Appointment>> occupying(const ClinicTime::Range &range, qint64 practitionerId,
                                                       std::optional<qint64> roomId, qint64 patientId) const;
    // The patient's archived flag, or nullopt when there is no such patient (for BookingRules::checkPatient).
    [[nodiscard]] Result<std::optional<bool>> patientArchived(qint64 patientId) const;

    // The appointments among `ids` that exist, by id (any status). One lookup by id per appointment, in one
    // query per sqlListBatch ids: a list of thousands (every open plan's booked sessions) stays a few queries.
    [[nodiscard]] Result<QHash<qint64, AppointmentFacts>> facts(const QList<qint64> &ids) const;
    // For another part's statement that asks, row by row, whether an appointment it refers to is ahead
    // (AppointmentFacts::isAhead: it holds its slot and is not completed): the SQL of "EXISTS (one lookup by id of
    // the appointment `idColumn` names, ahead)". The rule is slotFreeingSqlList()'s, so SQL and C++ agree.
    [[nodiscard]] static QString aheadExists(const QString &idColumn);
    // See PatientVisits. An index range scan on appointment(patient_id, starts_at) per patient.
    [[nodiscard]] Result<QHash<qint64, qint64>> nextVisits(const QList<qint64> &patientIds,
                                                           qint64 fromUtc) const override;
    // The statement nextVisits() runs for `count` patients (their ids, then fromUtc), for measuring it bare.
    [[nodiscard]] static QByteArray nextVisitsStatement(qsizetype count);
    // How many appointments the clinic holds, of every status.
    [[nodiscard]] Result<qint64> count() const;

    // For the patient-record tools (merging two records, exporting one):
    // The ids of every appointment of the patient (any status), in start order.
    [[nodiscard]] Result<QList<qint64>> idsOfPatient(qint64 patientId) const;
    // The first appointment of `firstPatient` (in start order) whose visit overlaps one of `secondPatient`'s,
    // both holding their slot; nullopt when none do.
    [[nodiscard]] Result<std::optional<AppointmentOverlap>> firstOverlap(qint64 firstPatient,
                                                                         qint64 secondPatient) const;
    // Every appointment of the patient with every column, by column name (NULL as JSON null), plus "type_name",
    // "practitioner_name" and "room_name", and "history": its status changes (every column) oldest first. In
    // start order. Instants stay UTC Unix seconds.
    [[nodiscard]] Result<QJsonArray> recordOf(qint64 patientId) const;
    // Inside the caller's transaction (a merge of two patient records): every appointment of `fromPatient`
    // becomes `toPatient`'s. The caller audits the merge.
    Status reassignPatient(qint64 fromPatient, qint64 toPatient);

    // Inside the caller's transaction. Stores `appointment` as a new row (its status, created_at and
    // updated_at as given), its first history row and a "create" audit row; returns it with its id.
    Result<Appointment> insert(Appointment appointment);
    // Inside the caller's transaction. Stores after's practitioner, room, start, end and updated_at, with a
    // "reschedule" audit row (before and after).
    Status updatePlace(const Appointment &before, const Appointment &after);
    // Inside the caller's transaction. Stores after's status, cancel fields and updated_at, a history row
    // (before's status → after's, with `reason`) and an audit row `action` ("status", "status.undo") holding
    // before, after and `note` when it is not blank.
    Status updateStatus(const Appointment &before, const Appointment &after, const QString &reason,
                        const QString &action, const QString &note = {});
    // Inside the caller's transaction. Audits the screening cautions acknowledged for a booked or moved
    // treatment session on local `date` as "screening.acknowledged" (the rules, the date and the reason);
    // nothing when `reason` is blank or `cautions` is empty.
    Status recordAcknowledgement(const Appointment &appointment, const QDate &date,
                                 const QList<ScreeningFinding> &cautions, const QString &reason);

private:
    Status recordStatusChange(qint64 appointmentId, std::optional<AppointmentStatus> from, AppointmentStatus to,
                              const QString &reason);
    Status audit(const QString &action, qint64 appointmentId, const QJsonObject &details);

    [[nodiscard]] Result<QList<Appointment>> readOccupying(const QByteArray &sql, const ClinicTime::Range &range,
                                                           const QList<qint64> &alsoBound) const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
