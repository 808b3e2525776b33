#pragma once

#include "Appointment.h"
#include "Attendance.h"
#include "BookingRequest.h"
#include "CancelReason.h"
#include "ClinicTime.h"
#include "FreedSlot.h"
#include "ScheduleSetup.h"
#include "ScheduleSetupCache.h"
#include "StatusChange.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

#include <functional>
#include <optional>
#include <utility>

namespace dermdesk {

class Database;

// Books, moves and changes appointments under the scheduling rules (BookingRules), and reads them back.
//
// Every write runs its checks and its changes inside ONE BEGIN IMMEDIATE transaction, so two desks
// (or two programs) writing the same file cannot both take a slot: the second waits for the first and
// then sees its appointment. The database's overlap triggers remain the last line. Every change writes
// an audit_log row (before/after) and, for status changes, an appointment_status_change row in the same
// transaction; a refusal writes nothing.
//
// Errors: InvalidInput (exit 2) names the field, Rule (3) names the rule, NotFound (4) names what is
// missing, Storage (5) when the database cannot be used. Codes are BookingRules' list plus
// not_found.appointment, not_found.clinic (not set up yet), input.reason, rule.status.transition,
// rule.status.final, rule.status.too_early, rule.screening.stop (a treatment session on a date a screening
// stop rule applies to the patient, judged on the appointment's date) and rule.screening.caution (booking such a
// session where caution rules apply, missing or out-of-date screening included, without
// BookingRequest::acknowledgement, or moving one to another local date without RescheduleRequest::acknowledgement);
// a race lost to another program that
// bypassed these checks still ends as rule.overlap.* from the database's triggers. Instants are UTC Unix seconds. "Now"
// comes from the Clock. Use on the Database's thread; the Database and the Clock must outlive the repository.
class AppointmentRepository
{
public:
    explicit AppointmentRepository(const Database &database, const Clock &clock = Clock::system());

    // The result of a change: the appointment as stored afterwards, and the time it gave back (for
    // waitlist offers) when it was cancelled, marked no-show, or moved to another time, practitioner
    // or room.
    struct Change
    {
        Appointment appointment;
        std::optional<FreedSlot> freed;
    };

    // NotFound "appointment" when there is no such id.
    [[nodiscard]] Result<Appointment> find(qint64 id) const;

    // Checks a booking without writing anything and returns the appointment it would store (room picked,
    // durations filled in from the type). Useful for live feedback while dragging.
    [[nodiscard]] Result<Appointment> preview(const BookingRequest &request) const;
    // Validates and stores a new appointment (status booked); returns it with its id. A treatment session on a
    // date screening cautions cover is booked only with request.acknowledgement, and then a
    // "screening.acknowledged" audit row (the rules, the date and the reason) lands in the same transaction.
    Result<Appointment> book(const BookingRequest &request);
    // Books every request, in order, inside ONE transaction: all are stored or none is (each is checked against
    // the ones before it). `alsoWrite` runs in the same transaction after the last one (e.g. to link them to a
    // treatment plan); its error rolls everything back too. On a refusal `*failedIndex` (when given) is the
    // index of the refused request, -1 when `alsoWrite` or the storage failed.
    Result<QList<Appointment>> bookAll(const QList<BookingRequest> &requests,
                                       const std::function<Status(const QList<Appointment> &)> &alsoWrite = {},
                                       qsizetype *failedIndex = nullptr);

    // Checks a move/resize without writing and returns the appointment as it would be stored.
    [[nodiscard]] Result<Appointment> previewReschedule(qint64 id, const RescheduleRequest &request) const;
    // Moves, resizes or reassigns an appointment; it keeps its id, status and history. The audit row holds
    // "before" and "after". A treatment session moved to another local date where screening cautions apply moves
    // only with request.acknowledgement, audited as book() does. Completed, cancelled and no-show appointments cannot
    // move (rule.status.final).
    Result<Change> reschedule(qint64 id, const RescheduleRequest &request);
    // Moves several appointments, in order, inside ONE transaction, as bookAll() books them.
    Result<QList<Change>> rescheduleAll(const QList<std::pair<qint64, RescheduleRequest>> &moves,
                                        const std::function<Status(const QList<Change> &)> &alsoWrite = {},
                                        qsizetype *failedIndex = nullptr);

    // Moves the appointment along the status machine (appointment_status::canChange); an illegal jump is
    // refused as rule.status.transition naming from → to. Cancelled needs a reason: use cancel(), or pass
    // the reason as `note` here (read with cancel_reason::parse; empty → input.reason). No-show only once
    // the start has passed (rule.status.too_early). `note` is kept in the history row and the audit.
    // Going back to a status that holds the slot is not possible (nothing leads out of cancelled or no_show).
    Result<Change> changeStatus(qint64 id, AppointmentStatus to, const QString &note = {});
    // Cancels with a reason (Other needs a detail, input.reason); marks it a late cancellation when the
    // patient cancels less than 24 hours before the start (cancel_reason::isLate, at the Clock's now).
    Result<Change> cancel(qint64 id, const CancelReason &reason);

    // Undoes a status change: puts the appointment back from `expectedCurrent` to `restore`, which the
    // status machine alone would not allow. Succeeds only while the appointment is still `expectedCurrent`
    // (rule.status.changed when someone else changed it since). Restoring a status that holds the slot
    // after a cancel or no-show checks that its practitioner, room and patient are still free
    // (rule.overlap.practitioner / .room / .patient otherwise) and clears the cancel fields. Writes an
    // appointment_status_change row and a "status.undo" audit row.
    Result<Change> revertStatus(qint64 id, AppointmentStatus expectedCurrent, AppointmentStatus restore);

    // Every recorded status change of the appointment, oldest first (its booking first). Appointments
    // stored before schema version 2 start with their first later change. NotFound "appointment".
    [[nodiscard]] Result<QList<StatusChange>> history(qint64 appointmentId) const;
    // The patient's completed, cancelled, late-cancelled and no-show counts. NotFound "patient".
    [[nodiscard]] Result<Attendance> attendance(qint64 patientId) const;

    // The appointments that hold their slot and whose busy time [start, end + cleanup) overlaps `range`,
    // in start order. The query behind SlotFinder and the rules; a short index range scan.
    [[nodiscard]] Result<QList<Appointment>> occupying(const ClinicTime::Range &range) const;
    // The patient's archived flag, or nullopt when there is no such patient (for BookingRules::checkPatient).
    [[nodiscard]] Result<std::optional<bool>> patientArchived(qint64 patientId) const;

private:
    // The appointment a request would store, durations filled in from the type; not yet checked.
    [[nodiscard]] static Result<Appointment> bookingCandidate(const BookingRequest &request,
                                                              const ScheduleSetup &setup);
    [[nodiscard]] static Result<Appointment> rescheduleCandidate(const Appointment &current,
                                                                 const RescheduleRequest &request);
    // Runs every rule on `candidate` against what is stored now; picks (or re-picks) a room when
    // `pickRoom`. With `acknowledgement` (a booking), screening cautions refuse unless it is non-blank.
    // Returns the candidate as it would be stored.
    [[nodiscard]] Result<Appointment> checked(Appointment candidate, const ScheduleSetup &setup, bool pickRoom,
                                              const std::optional<QString> &acknowledgement = std::nullopt) const;
    [[nodiscard]] Result<Appointment> checkedBooking(const BookingRequest &request) const;
    // book() and reschedule() without their transaction: the caller owns it.
    Result<Appointment> insertBooking(const BookingRequest &request);
    Result<Change> applyReschedule(qint64 id, const RescheduleRequest &request);
    [[nodiscard]] Result<Appointment> checkedReschedule(const Appointment &current,
                                                        const RescheduleRequest &request) const;
    Result<Change> transition(qint64 id, AppointmentStatus to, const std::optional<CancelReason> &reason,
                              const QString &note);
    Status recordStatusChange(qint64 appointmentId, std::optional<AppointmentStatus> from, AppointmentStatus to,
                              const QString &reason) const;

    const Database &m_database;
    const Clock &m_clock;
    // Keep one repository for many checks (e.g. while dragging): the set-up is then read once and
    // re-read only when something changed it.
    ScheduleSetupCache m_setupCache;
};

} // namespace dermdesk
