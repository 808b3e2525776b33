// AgendaRepository's reads of visits as people see them listed outside the schedule: a patient's timeline and
// the visits patient documents print. (The schedule's reads are in AgendaRepository.cpp.)
#include "AgendaRepository.h"

#include "calendar/AppointmentStatusRules.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Statement.h"

#include <QSqlQuery>
#include <QVariant>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AgendaRepository");

// The CourseVisit columns of appointment `a`, its type, practitioner, room and plan session; a WHERE follows.
constexpr char courseVisitColumns[] =
    "SELECT a.id, a.starts_at, a.ends_at, t.name, p.display_name, coalesce(r.name, ''), t.is_treatment, "
    "coalesce(s.sequence_no, 0), coalesce(tp.planned_sessions, 0), coalesce(s.plan_id, 0) "
    "FROM appointment a "
    "JOIN appointment_type t ON t.id = a.type_id "
    "JOIN practitioner p ON p.id = a.practitioner_id "
    "LEFT JOIN room r ON r.id = a.room_id "
    "LEFT JOIN treatment_session s ON s.appointment_id = a.id "
    "LEFT JOIN treatment_plan tp ON tp.id = s.plan_id WHERE ";

// The condition an appointment `a` that still holds its slot meets.
QString holdsSlot()
{
    return QStringLiteral("a.status NOT IN (%1)").arg(appointment_status::slotFreeingSqlList());
}

Result<QList<CourseVisit>> courseVisits(const Database &database, const QString &where, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(QLatin1String(courseVisitColumns) + where);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient's appointments"));
    QList<CourseVisit> found;
    while (query.next()) {
        CourseVisit visit;
        visit.appointmentId = query.value(0).toLongLong();
        visit.startsAt = query.value(1).toLongLong();
        visit.endsAt = query.value(2).toLongLong();
        visit.typeName = query.value(3).toString();
        visit.practitionerName = query.value(4).toString();
        visit.roomName = query.value(5).toString();
        visit.isTreatment = query.value(6).toInt() != 0;
        visit.sessionNo = query.value(7).toInt();
        visit.plannedSessions = query.value(8).toInt();
        visit.planId = query.value(9).toLongLong();
        found.append(visit);
    }
    return found;
}

} // namespace

Result<QList<CourseVisit>> AgendaRepository::upcomingVisits(qint64 patientId, qint64 fromUtc, int limit) const
{
    return courseVisits(m_database,
                        QStringLiteral("a.patient_id = ? AND a.starts_at >= ? AND %1 ORDER BY a.starts_at LIMIT ?")
                            .arg(holdsSlot()),
                        {patientId, fromUtc, limit});
}

Result<std::optional<CourseVisit>> AgendaRepository::visit(qint64 appointmentId) const
{
    auto found = courseVisits(m_database, QStringLiteral("a.id = ?"), {appointmentId});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<CourseVisit>();
    return std::optional<CourseVisit>(found.value().constFirst());
}

Result<QList<CourseVisit>> AgendaRepository::planVisitsFrom(qint64 planId, qint64 fromUtc, qint64 keepId) const
{
    return courseVisits(m_database,
                        QStringLiteral("s.plan_id = ? AND a.starts_at >= ? AND (%1 OR a.id = ?) ORDER BY a.starts_at")
                            .arg(holdsSlot()),
                        {planId, fromUtc, keepId});
}

Result<QList<PatientVisit>> AgendaRepository::patientVisits(qint64 patientId) const
{
    Statement kept(m_database,
                   QStringLiteral(
                       "SELECT a.id, a.starts_at, a.ends_at, a.status, a.late_cancel, t.name, t.is_treatment, "
                       "pr.display_name, r.name FROM appointment a JOIN appointment_type t ON t.id = a.type_id "
                       "JOIN practitioner pr ON pr.id = a.practitioner_id LEFT JOIN room r ON r.id = a.room_id "
                       "WHERE a.patient_id = ? ORDER BY a.starts_at DESC, a.id DESC"));
    QSqlQuery &query = *kept;
    query.setForwardOnly(true);
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient's visits"));
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
