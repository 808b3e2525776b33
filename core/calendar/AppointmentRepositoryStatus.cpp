// AppointmentRepository's status writes: the status machine's steps, cancelling, undoing a status change, and
// the history row each one writes. (Booking and moving are in AppointmentRepository.cpp.)
#include "AppointmentAudit.h"
#include "AppointmentRepository.h"

#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

} // namespace

Result<AppointmentRepository::Change> AppointmentRepository::changeStatus(qint64 id, AppointmentStatus to,
                                                                          const QString &note)
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

Result<AppointmentRepository::Change> AppointmentRepository::cancel(qint64 id, const CancelReason &reason)
{
    if (reason.category == CancelCategory::Other && reason.detail.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("reason"), tr("Say why the appointment is cancelled."));
    if (Status s = TextRules::check(reason.detail, QStringLiteral("reason"), TextRules::reasonLength); !s)
        return s.error();
    return transition(id, AppointmentStatus::Cancelled, reason, QString());
}

Result<AppointmentRepository::Change> AppointmentRepository::transition(qint64 id, AppointmentStatus to,
                                                                        const std::optional<CancelReason> &reason,
                                                                        const QString &note)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    auto current = find(id);
    if (!current)
        return current.error();
    const Appointment &before = current.value();
    if (!appointment_status::canChange(before.status, to)) {
        return Error::rule(QStringLiteral("status.transition"),
                           tr("An appointment that is %1 cannot become %2.")
                               .arg(appointment_status::label(before.status), appointment_status::label(to)));
    }
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    if (to == AppointmentStatus::NoShow && now < before.startsAt) {
        return Error::rule(QStringLiteral("status.too_early"),
                           tr("A patient can be marked as a no-show only once the appointment has started."));
    }

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
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE appointment SET status = ?, cancel_category = ?, cancel_reason = ?, "
                                 "late_cancel = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(appointment_status::toStorage(to));
    query.addBindValue(sqlOptionalText(
        after.cancelCategory ? std::optional(cancel_reason::toStorage(*after.cancelCategory)) : std::nullopt));
    query.addBindValue(sqlText(after.cancelReason));
    query.addBindValue(after.lateCancel ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Changing the appointment's status"));
    if (Status s = recordStatusChange(id, before.status, to, recordedReason); !s)
        return s.error();
    QJsonObject details{{QStringLiteral("before"), appointment_audit::toJson(before)},
                        {QStringLiteral("after"), appointment_audit::toJson(after)}};
    if (!note.trimmed().isEmpty())
        details.insert(QStringLiteral("note"), note.trimmed());
    if (Status s =
            AuditLog(m_database, m_clock).record(QStringLiteral("status"), QStringLiteral("appointment"), id, details);
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    std::optional<FreedSlot> freed;
    if (before.holdsSlot() && !after.holdsSlot())
        freed = FreedSlot{id, before.practitionerId, before.roomId, before.startsAt, before.busyUntil()};
    return Change{after, freed};
}

Result<AppointmentRepository::Change> AppointmentRepository::revertStatus(qint64 id, AppointmentStatus expectedCurrent,
                                                                          AppointmentStatus restore)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    auto current = find(id);
    if (!current)
        return current.error();
    const Appointment &before = current.value();
    if (before.status != expectedCurrent) {
        return Error::rule(QStringLiteral("status.changed"),
                           tr("The appointment is now %1, no longer %2: someone else changed it, so the change "
                              "cannot be undone.")
                               .arg(appointment_status::label(before.status),
                                    appointment_status::label(expectedCurrent)));
    }
    Appointment after = before;
    after.status = restore;
    after.updatedAt = m_clock.now().toSecsSinceEpoch();
    if (!appointment_status::holdsSlot(before.status) && appointment_status::holdsSlot(restore)) {
        auto busy = occupying({before.startsAt, before.busyUntil()});
        if (!busy)
            return busy.error();
        for (const Appointment &other : busy.value()) {
            if (other.id == id)
                continue;
            const bool sharesPatient =
                other.patientId == before.patientId && other.startsAt < before.endsAt && before.startsAt < other.endsAt;
            QString rule;
            if (other.practitionerId == before.practitionerId)
                rule = QStringLiteral("overlap.practitioner");
            else if (before.roomId && other.roomId == before.roomId)
                rule = QStringLiteral("overlap.room");
            else if (sharesPatient)
                rule = QStringLiteral("overlap.patient");
            if (!rule.isEmpty()) {
                return Error::rule(rule, tr("The appointment cannot be restored: its time has been given to "
                                            "another appointment since."));
            }
        }
        after.cancelCategory.reset();
        after.cancelReason.clear();
        after.lateCancel = false;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE appointment SET status = ?, cancel_category = ?, cancel_reason = ?, "
                                 "late_cancel = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(appointment_status::toStorage(restore));
    query.addBindValue(sqlOptionalText(
        after.cancelCategory ? std::optional(cancel_reason::toStorage(*after.cancelCategory)) : std::nullopt));
    query.addBindValue(sqlText(after.cancelReason));
    query.addBindValue(after.lateCancel ? 1 : 0);
    query.addBindValue(after.updatedAt);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Undoing the status change"));
    if (Status s = recordStatusChange(id, before.status, restore, tr("Undone")); !s)
        return s.error();
    const QJsonObject details{{QStringLiteral("before"), appointment_audit::toJson(before)},
                              {QStringLiteral("after"), appointment_audit::toJson(after)}};
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("status.undo"), QStringLiteral("appointment"), id, details);
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    std::optional<FreedSlot> freed;
    if (before.holdsSlot() && !after.holdsSlot())
        freed = FreedSlot{id, before.practitionerId, before.roomId, before.startsAt, before.busyUntil()};
    return Change{after, freed};
}

Status AppointmentRepository::recordStatusChange(qint64 appointmentId, std::optional<AppointmentStatus> from,
                                                 AppointmentStatus to, const QString &reason) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO appointment_status_change (appointment_id, from_status, to_status, at, "
                                 "actor, reason) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(appointmentId);
    query.addBindValue(sqlOptionalText(from ? std::optional(appointment_status::toStorage(*from)) : std::nullopt));
    query.addBindValue(appointment_status::toStorage(to));
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(m_database.actor().person);
    query.addBindValue(sqlText(reason));
    if (!query.exec())
        return sqlError(query.lastError(), tr("Recording the status change"));
    return {};
}

} // namespace dermdesk
