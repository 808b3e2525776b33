// AppointmentRepository's reads of the past: an appointment's status history and a patient's attendance.
// (Kept apart from the booking and status writes in AppointmentRepository.cpp.)
#include "AppointmentRepository.h"

#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

} // namespace

Result<QList<StatusChange>> AppointmentRepository::history(qint64 appointmentId) const
{
    if (auto exists = find(appointmentId); !exists)
        return exists.error();
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT from_status, to_status, at, actor, reason FROM appointment_status_change "
                                 "WHERE appointment_id = ? ORDER BY at, id"));
    query.addBindValue(appointmentId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the appointment's history"));
    QList<StatusChange> changes;
    while (query.next()) {
        StatusChange change;
        change.appointmentId = appointmentId;
        change.from = appointment_status::fromStorage(query.value(0).toString());
        change.to = appointment_status::fromStorage(query.value(1).toString()).value_or(AppointmentStatus::Booked);
        change.at = query.value(2).toLongLong();
        change.actor = query.value(3).toString();
        change.reason = query.value(4).toString();
        changes.append(change);
    }
    return changes;
}

Result<Attendance> AppointmentRepository::attendance(qint64 patientId) const
{
    auto archived = patientArchived(patientId);
    if (!archived)
        return archived.error();
    if (!archived.value())
        return Error::notFound(QStringLiteral("patient"), tr("There is no patient %1.").arg(patientId));
    auto counts = attendance(QList<qint64>{patientId});
    if (!counts)
        return counts.error();
    return counts.value().value(patientId);
}

Result<QHash<qint64, Attendance>> AppointmentRepository::attendance(const QList<qint64> &patientIds) const
{
    QHash<qint64, Attendance> counts;
    for (const qint64 id : patientIds)
        counts.insert(id, Attendance{});
    QList<qint64> distinct = counts.keys();
    std::sort(distinct.begin(), distinct.end());
    const Status read = sqlInBatches(distinct, [&](const QList<qint64> &batch) -> Status {
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(
            QStringLiteral("SELECT patient_id, "
                           "coalesce(sum(CASE WHEN status = 'completed' THEN 1 ELSE 0 END), 0), "
                           "coalesce(sum(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), 0), "
                           "coalesce(sum(CASE WHEN status = 'cancelled' AND late_cancel = 1 THEN 1 ELSE 0 END), 0), "
                           "coalesce(sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END), 0) "
                           "FROM appointment WHERE patient_id IN (%1) GROUP BY patient_id")
                .arg(sqlMarks(batch.size())));
        for (const qint64 id : batch)
            query.addBindValue(id);
        if (!query.exec())
            return sqlError(query.lastError(), tr("Reading the patients' attendance"));
        while (query.next()) {
            counts.insert(query.value(0).toLongLong(), Attendance{query.value(1).toInt(), query.value(2).toInt(),
                                                                  query.value(3).toInt(), query.value(4).toInt()});
        }
        return {};
    });
    if (!read)
        return read.error();
    return counts;
}

} // namespace dermdesk
