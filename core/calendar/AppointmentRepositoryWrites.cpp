// AppointmentRepository's writes: the appointment row, its status history row and its audit row, each write
// inside the caller's transaction. (Reads are in AppointmentRepository.cpp and AppointmentRepositoryHistory.cpp.)
#include "AppointmentAudit.h"
#include "AppointmentRepository.h"

#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/StorageEngine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

} // namespace

Result<Appointment> AppointmentRepository::insert(Appointment appointment)
{
    const QVariantList values = {appointment.patientId,
                                 appointment.practitionerId,
                                 sqlId(appointment.roomId),
                                 appointment.typeId,
                                 appointment.startsAt,
                                 appointment.endsAt,
                                 appointment.prepMin,
                                 appointment.cleanupMin,
                                 appointment_status::toStorage(appointment.status),
                                 sqlText(appointment.notes),
                                 appointment.createdAt,
                                 appointment.updatedAt};
    const Result<qint64> inserted = m_database.engine().insertRow(
        QStringLiteral("INSERT INTO appointment (patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, "
                       "prep_min, cleanup_min, status, notes, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        values, tr("Saving the appointment"));
    if (!inserted)
        return inserted.error();
    appointment.id = inserted.value();
    if (Status s = recordStatusChange(appointment.id, std::nullopt, appointment.status, QString()); !s)
        return s.error();
    if (Status s = audit(QStringLiteral("create"), appointment.id,
                         {{QStringLiteral("after"), appointment_audit::toJson(appointment)}});
        !s)
        return s.error();
    return appointment;
}

Status AppointmentRepository::updatePlace(const Appointment &before, const Appointment &after)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE appointment SET practitioner_id = ?, room_id = ?, starts_at = ?, ends_at = ?, "
                                 "updated_at = ? WHERE id = ?"));
    query.addBindValue(after.practitionerId);
    query.addBindValue(sqlId(after.roomId));
    query.addBindValue(after.startsAt);
    query.addBindValue(after.endsAt);
    query.addBindValue(after.updatedAt);
    query.addBindValue(after.id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Moving the appointment"));
    return audit(QStringLiteral("reschedule"), after.id,
                 {{QStringLiteral("before"), appointment_audit::toJson(before)},
                  {QStringLiteral("after"), appointment_audit::toJson(after)}});
}

Status AppointmentRepository::updateStatus(const Appointment &before, const Appointment &after, const QString &reason,
                                           const QString &action, const QString &note)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE appointment SET status = ?, cancel_category = ?, cancel_reason = ?, "
                                 "late_cancel = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(appointment_status::toStorage(after.status));
    query.addBindValue(sqlOptionalText(
        after.cancelCategory ? std::optional(cancel_reason::toStorage(*after.cancelCategory)) : std::nullopt));
    query.addBindValue(sqlText(after.cancelReason));
    query.addBindValue(after.lateCancel ? 1 : 0);
    query.addBindValue(after.updatedAt);
    query.addBindValue(after.id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Changing the appointment's status"));
    if (Status s = recordStatusChange(after.id, before.status, after.status, reason); !s)
        return s;
    QJsonObject details{{QStringLiteral("before"), appointment_audit::toJson(before)},
                        {QStringLiteral("after"), appointment_audit::toJson(after)}};
    if (!note.trimmed().isEmpty())
        details.insert(QStringLiteral("note"), note.trimmed());
    return audit(action, after.id, details);
}

Status AppointmentRepository::recordAcknowledgement(const Appointment &appointment, const QDate &date,
                                                    const QList<ScreeningFinding> &cautions, const QString &reason)
{
    if (reason.trimmed().isEmpty() || cautions.isEmpty())
        return {};
    QJsonArray rules;
    for (const ScreeningFinding &caution : cautions)
        rules.append(QJsonObject{{QStringLiteral("code"), caution.code},
                                 {QStringLiteral("name"), caution.name},
                                 {QStringLiteral("message"), caution.message}});
    return audit(QStringLiteral("screening.acknowledged"), appointment.id,
                 {{QStringLiteral("patient_id"), appointment.patientId},
                  {QStringLiteral("date"), date.toString(Qt::ISODate)},
                  {QStringLiteral("rules"), rules},
                  {QStringLiteral("reason"), reason.trimmed()}});
}

Status AppointmentRepository::recordStatusChange(qint64 appointmentId, std::optional<AppointmentStatus> from,
                                                 AppointmentStatus to, const QString &reason)
{
    Statement statement(m_database, QStringLiteral("INSERT INTO appointment_status_change (appointment_id, "
                                                   "from_status, to_status, at, actor, reason) VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery &query = *statement;
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

Status AppointmentRepository::audit(const QString &action, qint64 appointmentId, const QJsonObject &details)
{
    return AuditLog(m_database, m_clock).record(action, QStringLiteral("appointment"), appointmentId, details);
}

} // namespace dermdesk
