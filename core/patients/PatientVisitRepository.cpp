#include "PatientVisitRepository.h"

#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

PatientVisitRepository::PatientVisitRepository(const Database &database)
    : m_database(database)
{
}

Result<QList<PatientVisit>> PatientVisitRepository::visits(qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT a.id, a.starts_at, a.ends_at, a.status, a.late_cancel, t.name, t.is_treatment, pr.display_name, "
        "r.name FROM appointment a JOIN appointment_type t ON t.id = a.type_id "
        "JOIN practitioner pr ON pr.id = a.practitioner_id LEFT JOIN room r ON r.id = a.room_id "
        "WHERE a.patient_id = ? ORDER BY a.starts_at DESC, a.id DESC"));
    query.addBindValue(patientId);
    if (!query.exec()) {
        return sqlError(query.lastError(), QCoreApplication::translate("dermdesk::PatientVisitRepository",
                                                                       "Reading the patient's visits"));
    }
    QList<PatientVisit> visits;
    while (query.next()) {
        PatientVisit visit;
        visit.appointmentId = query.value(0).toLongLong();
        visit.startsAt = query.value(1).toLongLong();
        visit.endsAt = query.value(2).toLongLong();
        visit.status = query.value(3).toString();
        visit.lateCancel = query.value(4).toBool();
        visit.typeName = query.value(5).toString();
        visit.isTreatment = query.value(6).toBool();
        visit.practitionerName = query.value(7).toString();
        visit.roomName = query.value(8).toString();
        visits.append(visit);
    }
    return visits;
}

} // namespace dermdesk
