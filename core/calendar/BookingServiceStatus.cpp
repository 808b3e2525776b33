// BookingService's status steps: the status machine's moves (appointment_status), cancelling, and undoing a
// step. (Bookings and moves are in BookingService.cpp.)
#include "BookingService.h"

#include "AppointmentStatusRules.h"
#include "BookingRules.h"
#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/InTransaction.h"

#include <QCoreApplication>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

// The time a status step gave back: only when it leaves a status that holds the slot for one that does not.
std::optional<FreedSlot> freedBy(const Appointment &before, const Appointment &after)
{
    if (!before.holdsSlot() || after.holdsSlot())
        return std::nullopt;
    return FreedSlot{before.id, before.practitionerId, before.roomId, before.startsAt, before.busyUntil()};
}

} // namespace

Result<BookingService::Change> BookingService::changeStatus(qint64 id, AppointmentStatus to, const QString &note)
{
    if (Status s = TextRules::check(note, QStringLiteral("reason"), TextRules::reasonLength); !s)
        return s.error();
    if (to == AppointmentStatus::Cancelled) {
        if (note.trimmed().isEmpty())
            return Error::invalidInput(QStringLiteral("reason"), tr("Say why the appointment is cancelled."));
        return cancel(id, cancel_reason::parse(note));
    }
    return transition(id, to, std::nullopt, note);
}

Result<BookingService::Change> BookingService::cancel(qint64 id, const CancelReason &reason)
{
    if (reason.category == CancelCategory::Other && reason.detail.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("reason"), tr("Say why the appointment is cancelled."));
    if (Status s = TextRules::check(reason.detail, QStringLiteral("reason"), TextRules::reasonLength); !s)
        return s.error();
    return transition(id, AppointmentStatus::Cancelled, reason, QString());
}

Result<BookingService::Change> BookingService::transition(qint64 id, AppointmentStatus to,
                                                          const std::optional<CancelReason> &reason,
                                                          const QString &note)
{
    return inTransaction<Change>(m_database, [&]() -> Result<Change> {
        auto current = m_appointments.find(id);
        if (!current)
            return current.error();
        const Appointment &before = current.value();
        const qint64 now = m_clock.now().toSecsSinceEpoch();
        if (Status s = appointment_status::checkChange(before.status, to, before.startsAt, now); !s)
            return s.error();
        Appointment after = before;
        after.status = to;
        after.updatedAt = now;
        QString recordedReason = note.trimmed();
        if (reason) {
            after.cancelCategory = reason->category;
            after.cancelReason = cancel_reason::describe(*reason);
            after.lateCancel = cancel_reason::isLate(reason->category, before.startsAt, now);
            recordedReason = after.cancelReason;
        }
        if (Status s = m_appointments.updateStatus(before, after, recordedReason, QStringLiteral("status"), note); !s)
            return s.error();
        return Change{after, freedBy(before, after)};
    });
}

Result<BookingService::Change> BookingService::revertStatus(qint64 id, AppointmentStatus expectedCurrent,
                                                            AppointmentStatus restore)
{
    return inTransaction<Change>(m_database, [&]() -> Result<Change> {
        auto current = m_appointments.find(id);
        if (!current)
            return current.error();
        const Appointment &before = current.value();
        if (Status s = appointment_status::checkStill(before.status, expectedCurrent); !s)
            return s.error();
        Appointment after = before;
        after.status = restore;
        after.updatedAt = m_clock.now().toSecsSinceEpoch();
        if (!before.holdsSlot() && after.holdsSlot()) {
            // Taking the slot back: the same overlap rules as a booking, against what holds it now.
            auto setup = m_setupCache.get();
            if (!setup)
                return setup.error();
            auto busy = m_appointments.occupying({before.startsAt, before.busyUntil()});
            if (!busy)
                return busy.error();
            const QList<BlockoutOccurrence> noBlockouts;
            if (Status s = BookingRules(setup.value(), busy.value(), noBlockouts).checkOverlaps(after); !s) {
                const Error &overlap = s.error();
                return Error(overlap.kind(), overlap.code(),
                             tr("The appointment cannot be restored: its time has been given to another "
                                "appointment since. %1")
                                 .arg(overlap.message()),
                             overlap.field());
            }
            after.cancelCategory.reset();
            after.cancelReason.clear();
            after.lateCancel = false;
        }
        if (Status s = m_appointments.updateStatus(before, after, tr("Undone"), QStringLiteral("status.undo")); !s)
            return s.error();
        return Change{after, freedBy(before, after)};
    });
}

} // namespace dermdesk
