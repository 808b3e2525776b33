#include "EducationReader.h"

#include "agenda/AgendaRepository.h"
#include "calendar/AppointmentRepository.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::EducationReader");

} // namespace

EducationReader::EducationReader(const Database &database)
    : m_database(database)
{
}

Result<QList<CourseVisit>> EducationReader::upcomingVisits(qint64 patientId, qint64 fromUtc, int limit) const
{
    return AgendaRepository(m_database).upcomingVisits(patientId, fromUtc, limit);
}

Result<EducationReader::Card> EducationReader::card(qint64 appointmentId) const
{
    auto appointment = AppointmentRepository(m_database, Clock::system()).find(appointmentId);
    if (!appointment)
        return appointment.error();
    const AgendaRepository agenda(m_database);
    auto own = agenda.visit(appointmentId);
    if (!own)
        return own.error();
    if (!own.value())
        return Error::notFound(QStringLiteral("appointment"), tr("There is no appointment %1.").arg(appointmentId));
    Card card;
    card.patientId = appointment.value().patientId;
    card.appointment = *own.value();
    if (card.appointment.planId == 0) {
        card.course = {card.appointment};
        return card;
    }
    auto course = agenda.planVisitsFrom(card.appointment.planId, card.appointment.startsAt, appointmentId);
    if (!course)
        return course.error();
    card.course = course.value();
    return card;
}

Result<QList<PlanOutline>> EducationReader::openPlans(qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT tp.id, t.name, tp.concerns, "
        "coalesce(nullif(tp.areas, ''), (SELECT group_concat(area, ', ') FROM treatment_plan_area "
        "WHERE plan_id = tp.id), ''), "
        "tp.planned_sessions, tp.interval_min_weeks, tp.interval_max_weeks, tp.status, coalesce(p.display_name, ''), "
        "(SELECT count(*) FROM treatment_session s WHERE s.plan_id = tp.id "
        "AND (s.performed_at IS NOT NULL OR s.recorded_at IS NOT NULL)) "
        "FROM treatment_plan tp JOIN appointment_type t ON t.id = tp.type_id "
        "LEFT JOIN practitioner p ON p.id = tp.lead_practitioner_id "
        "WHERE tp.patient_id = ? AND tp.status IN ('proposed', 'active') ORDER BY tp.created_at, tp.id"));
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient's treatment plans"));
    QList<PlanOutline> plans;
    while (query.next()) {
        PlanOutline plan;
        plan.id = query.value(0).toLongLong();
        plan.typeName = query.value(1).toString();
        plan.concerns = query.value(2).toString();
        plan.areas = query.value(3).toString();
        plan.plannedSessions = query.value(4).toInt();
        plan.intervalMinWeeks = query.value(5).toInt();
        plan.intervalMaxWeeks = query.value(6).toInt();
        plan.status = query.value(7).toString();
        plan.leadPractitioner = query.value(8).toString();
        plan.sessionsDone = query.value(9).toInt();
        plans.append(plan);
    }
    return plans;
}

Result<std::optional<DowntimeExpectation>> EducationReader::downtimeForDepth(double depthMm) const
{
    // The band with the smallest max_depth_mm at or above the depth; deeper than every band: the deepest.
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT label, min_hours, max_hours FROM downtime_band "
                                 "ORDER BY (max_depth_mm >= ?) DESC, "
                                 "CASE WHEN max_depth_mm >= ? THEN max_depth_mm ELSE -max_depth_mm END LIMIT 1"));
    query.addBindValue(depthMm);
    query.addBindValue(depthMm);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the clinic's downtime table"));
    if (!query.next())
        return std::optional<DowntimeExpectation>();
    DowntimeExpectation expected;
    expected.label = query.value(0).toString();
    expected.minHours = query.value(1).toInt();
    expected.maxHours = query.value(2).toInt();
    expected.depthMm = depthMm;
    return std::optional<DowntimeExpectation>(expected);
}

Result<std::optional<DowntimeExpectation>> EducationReader::expectedDowntime(qint64 patientId, qint64 beforeUtc) const
{
    // The patient's last session with recorded areas before `beforeUtc`: dated when it was performed, else by
    // its appointment's start, else when it was booked.
    QSqlQuery recorded(m_database.connection());
    recorded.setForwardOnly(true);
    recorded.prepare(QStringLiteral(
        "SELECT s.performed_at, s.appointment_id, s.created_at, "
        "(SELECT max(depth_mm) FROM treatment_session_area WHERE session_id = s.id) "
        "FROM treatment_session s JOIN treatment_plan tp ON tp.id = s.plan_id "
        "WHERE tp.patient_id = ? AND EXISTS (SELECT 1 FROM treatment_session_area WHERE session_id = s.id)"));
    recorded.addBindValue(patientId);
    if (!recorded.exec())
        return sqlError(recorded.lastError(), tr("Reading the patient's last session"));
    struct Recorded
    {
        std::optional<qint64> performedAt;
        std::optional<qint64> appointmentId;
        qint64 createdAt = 0;
        double depthMm = 0;
    };
    QList<Recorded> sessions;
    QList<qint64> appointmentIds;
    while (recorded.next()) {
        Recorded session;
        if (!recorded.value(0).isNull())
            session.performedAt = recorded.value(0).toLongLong();
        if (!recorded.value(1).isNull()) {
            session.appointmentId = recorded.value(1).toLongLong();
            appointmentIds.append(*session.appointmentId);
        }
        session.createdAt = recorded.value(2).toLongLong();
        session.depthMm = recorded.value(3).toDouble();
        sessions.append(session);
    }
    auto appointments = AppointmentRepository(m_database).facts(appointmentIds);
    if (!appointments)
        return appointments.error();
    std::optional<std::pair<qint64, double>> last;
    for (const Recorded &session : sessions) {
        qint64 at = session.createdAt;
        if (session.performedAt) {
            at = *session.performedAt;
        } else if (session.appointmentId) {
            const auto appointment = appointments.value().constFind(*session.appointmentId);
            if (appointment != appointments.value().cend())
                at = appointment->startsAt;
        }
        if (at < beforeUtc && (!last || at > last->first))
            last = std::pair(at, session.depthMm);
    }
    if (last) {
        auto expected = downtimeForDepth(last->second);
        if (expected && expected.value())
            expected.value()->fromRecordedSession = true;
        return expected;
    }

    QSqlQuery planned(m_database.connection());
    planned.setForwardOnly(true);
    planned.prepare(QStringLiteral("SELECT max(pa.planned_depth_mm) FROM treatment_plan_area pa "
                                   "JOIN treatment_plan tp ON tp.id = pa.plan_id "
                                   "WHERE tp.patient_id = ? AND tp.status IN ('proposed', 'active')"));
    planned.addBindValue(patientId);
    if (!planned.exec())
        return sqlError(planned.lastError(), tr("Reading the patient's treatment plans"));
    if (!planned.next() || planned.value(0).isNull())
        return std::optional<DowntimeExpectation>();
    return downtimeForDepth(planned.value(0).toDouble());
}

} // namespace dermdesk
