#include "RecallList.h"

#include "IntervalWindow.h"
#include "calendar/ClinicTime.h"
#include "common/Translation.h"
#include "patients/PatientSummary.h"
#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::RecallList");

} // namespace

RecallList::RecallList(const Database &database, QTimeZone zone)
    : m_database(database)
    , m_zone(std::move(zone))
{
}

Result<int> RecallList::horizonSetting() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT recall_horizon_days FROM clinic_settings WHERE id = 1")))
        return sqlError(query.lastError(), tr("Reading the clinic settings"));
    return query.next() ? query.value(0).toInt() : 14;
}

Result<QList<RecallEntry>> RecallList::build(const QDate &date, int horizonDays) const
{
    if (!date.isValid())
        return Error::invalidInput(QStringLiteral("date"), tr("Give the date of the recall list (YYYY-MM-DD)."));
    if (horizonDays < 0 || horizonDays > 366)
        return Error::invalidInput(QStringLiteral("horizon"), tr("Look ahead 0 to 366 days."));
    // Active plans without a booked session: the NOT EXISTS looks up the appointments of sessions not yet
    // performed only (most plans have one booked ahead and drop out there); the counts then run for the few
    // plans left. Walks treatment_plan(status) and treatment_session(plan_id).
    const ClinicTime time(m_zone);
    const QDate horizon = date.addDays(horizonDays);
    const QString done =
        QStringLiteral("FROM treatment_session s LEFT JOIN appointment a ON a.id = s.appointment_id "
                       "WHERE s.plan_id = g.id AND (s.performed_at IS NOT NULL OR a.status = 'completed')");
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT g.id, g.patient_id, p.given_name, p.family_name, p.preferred_name, p.phone, "
                       "pr.display_name, t.name, "
                       "g.planned_sessions, g.interval_min_weeks, g.interval_max_weeks, g.created_at, "
                       "(SELECT max(s.sequence_no) %1), (SELECT max(coalesce(a.starts_at, s.performed_at)) %1), "
                       "(SELECT count(*) %1) "
                       "FROM (SELECT tp.id, tp.patient_id, tp.type_id, tp.lead_practitioner_id, tp.planned_sessions, "
                       "      tp.interval_min_weeks, tp.interval_max_weeks, tp.created_at FROM treatment_plan tp "
                       "      WHERE tp.status = 'active' AND NOT EXISTS (SELECT 1 FROM treatment_session s "
                       "          JOIN appointment a ON a.id = s.appointment_id WHERE s.plan_id = tp.id AND "
                       "s.performed_at IS NULL "
                       "          AND a.status IN ('booked', 'confirmed', 'arrived', 'in_treatment'))) g "
                       "JOIN patient p ON p.id = g.patient_id AND p.archived = 0 "
                       "JOIN appointment_type t ON t.id = g.type_id "
                       "LEFT JOIN practitioner pr ON pr.id = g.lead_practitioner_id")
            .arg(done));
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the plans to recall"));
    QList<RecallEntry> entries;
    while (query.next()) {
        RecallEntry entry;
        entry.planId = query.value(0).toLongLong();
        entry.patientId = query.value(1).toLongLong();
        entry.patientName =
            PatientSummary::fullName(query.value(2).toString(), query.value(3).toString(), query.value(4).toString());
        entry.phone = query.value(5).toString();
        entry.practitionerName = query.value(6).toString();
        entry.typeName = query.value(7).toString();
        entry.plannedSessions = query.value(8).toInt();
        const int minWeeks = query.value(9).toInt();
        const int maxWeeks = query.value(10).toInt();
        if (query.value(14).toInt() >= entry.plannedSessions)
            continue; // every session done: nothing to recall
        entry.nextSequence = std::min(query.value(12).toInt() + 1, entry.plannedSessions);
        IntervalWindow window;
        if (!query.value(13).isNull()) {
            entry.lastSessionDate = time.localDate(query.value(13).toLongLong());
            window = IntervalWindow::after(entry.lastSessionDate, minWeeks, maxWeeks);
        } else {
            const QDate created = time.localDate(query.value(11).toLongLong());
            window = {created, created.addDays(7 * qint64(maxWeeks))};
        }
        if (window.start > horizon)
            continue;
        entry.windowStart = window.start;
        entry.windowEnd = window.end;
        entry.daysLeft = int(date.daysTo(window.end));
        entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(), [](const RecallEntry &a, const RecallEntry &b) {
        if (a.windowEnd != b.windowEnd)
            return a.windowEnd < b.windowEnd;
        return a.patientName.localeAwareCompare(b.patientName) < 0;
    });
    return entries;
}

} // namespace dermdesk
