#pragma once

#include "Appointment.h"
#include "storage/WriteScope.h"
#include "AppointmentChange.h"
#include "AppointmentRepository.h"
#include "BookingRequest.h"
#include "CancelReason.h"
#include "ScheduleSetup.h"
#include "ScheduleSetupCache.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "patients/ScreeningOutcome.h"

#include <QList>

#include <functional>
#include <optional>
#include <utility>

namespace dermdesk {

class Database;

// Books, moves and changes the status of appointments: the one place that gathers the facts a decision needs
// (the clinic's set-up, the appointments occupying the time, blockouts, the patient's archived flag, screening)
// once per appointment, judges them with BookingRules and the status machine (appointment_status), and has
// AppointmentRepository write the rows, their history and their audit.
//
// Every write runs its checks and its changes inside ONE BEGIN IMMEDIATE transaction, so two desks (or two
// programs) writing the same file cannot both take a slot: the second waits for the first and then sees its
// appointment. The database's overlap triggers remain the last line. A refusal writes nothing.
//
// Errors: InvalidInput (exit 2) names the field, Rule (3) names the rule, NotFound (4) names what is missing,
// Storage (5) when the database cannot be used. Every refusal a caller branches on carries its ErrorCode
// (Error::is): BookingRules' codes, rule.status.transition / .final / .too_early / .changed,
// rule.screening.stop (a treatment session on a date a screening stop rule applies to the patient, judged on
// the appointment's date) and rule.screening.caution (booking such a session where caution rules apply,
// missing or out-of-date screening included, without BookingRequest::acknowledgement, or moving one to another
// local date without RescheduleRequest::acknowledgement). Also not_found.appointment, not_found.clinic (not set
// up yet) and input.reason. A race lost to another program that bypassed these checks still ends as
// rule.overlap.* from the database's triggers. Instants are UTC Unix seconds; "now" comes from the Clock.
//
// Keep one service for many checks (e.g. while dragging): the set-up is then read once and re-read only when
// something changed it. Use on the Database's thread; the Database and the Clock must outlive the service.
class BookingService
{
public:
    using Change = AppointmentChange;

    explicit BookingService(const Database &database, const Clock &clock = Clock::system());

    // The rows behind the service, for reads (find, history, attendance, ...).
    [[nodiscard]] const AppointmentRepository &appointments() const { return m_appointments; }

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
    // only with request.acknowledgement, audited as book() does. Completed, cancelled and no-show appointments
    // cannot move (rule.status.final).
    Result<Change> reschedule(qint64 id, const RescheduleRequest &request);
    // Moves several appointments, in order, inside ONE transaction, as bookAll() books them.
    Result<QList<Change>> rescheduleAll(const QList<std::pair<qint64, RescheduleRequest>> &moves,
                                        const std::function<Status(const QList<Change> &)> &alsoWrite = {},
                                        qsizetype *failedIndex = nullptr);

    // Moves the appointment along the status machine (appointment_status::checkChange); an illegal jump is
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

private:
    // A candidate that passed every rule, and the screening cautions its date carries (acknowledged or not).
    struct Checked
    {
        Appointment appointment;
        QList<ScreeningFinding> cautions;
    };

    // Gathers the facts around `candidate` (occupying appointments, blockouts, screening) and judges it with
    // BookingRules; picks (or re-picks) a room when `pickRoom`. With `acknowledgement`, screening cautions
    // refuse unless it is non-blank.
    [[nodiscard]] Result<Checked> checked(Appointment candidate, const ScheduleSetup &setup, bool pickRoom,
                                          const std::optional<QString> &acknowledgement) const;
    [[nodiscard]] Result<Checked> checkedBooking(const BookingRequest &request, const ScheduleSetup &setup) const;
    [[nodiscard]] Result<Checked> checkedReschedule(const Appointment &current, const RescheduleRequest &request,
                                                    const ScheduleSetup &setup) const;
    // Runs `step(item, setup)` on every item, in order, inside ONE transaction of `scope` with the set-up read once
    // at its start, then `alsoWrite`: all land or none does. `*failedIndex` as bookAll() says.
    template<typename Item, typename Out, typename Step>
    Result<QList<Out>> eachInOneTransaction(const QList<Item> &items, const Step &step,
                                            const std::function<Status(const QList<Out> &)> &alsoWrite,
                                            qsizetype *failedIndex, WriteScope scope = WriteScope());
    // One booking or move inside the caller's transaction.
    Result<Appointment> bookOne(const BookingRequest &request, const ScheduleSetup &setup);
    Result<Change> moveOne(qint64 id, const RescheduleRequest &request, const ScheduleSetup &setup);
    // One status step in its own transaction.
    Result<Change> transition(qint64 id, AppointmentStatus to, const std::optional<CancelReason> &reason,
                              const QString &note);

    const Database &m_database;
    const Clock &m_clock;
    AppointmentRepository m_appointments;
    ScheduleSetupCache m_setupCache;
};

} // namespace dermdesk
