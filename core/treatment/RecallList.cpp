#include "RecallList.h"

#include "IntervalWindow.h"
#include "calendar/ClinicTime.h"
#include "patients/PatientSummary.h"
#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::RecallList", text);
}

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
    // One row per session of each active plan (or one with NULL session columns for a plan without any).
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT tp.id, tp.patient_id, p.given_name, p.family_name, p.preferred_name, p.phone, pr.display_name, "
        "t.name, tp.planned_sessions, tp.interval_min_weeks, tp.interval_max_weeks, tp.created_at, "
        "s.sequence_no, s.performed_at, a.status, a.starts_at "
        "FROM treatment_plan tp "
        "JOIN patient p ON p.id = tp.patient_id "
        "JOIN appointment_type t ON t.id = tp.type_id "
        "LEFT JOIN practitioner pr ON pr.id = tp.lead_practitioner_id "
        "LEFT JOIN treatment_session s ON s.plan_id = tp.id "
        "LEFT JOIN appointment a ON a.id = s.appointment_id "
        "WHERE tp.status = 'active' AND p.archived = 0 ORDER BY tp.id"));
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the plans to recall"));
    const ClinicTime time(m_zone);
    const QDate horizon = date.addDays(horizonDays);
    QList<RecallEntry> entries;
    RecallEntry entry;
    int minWeeks = 0;
    int maxWeeks = 0;
    int done = 0;
    int highestDone = 0;
    qint64 lastAt = -1;
    bool booked = false;
    const auto finish = [&] {
        if (entry.planId == 0 || booked || done >= entry.plannedSessions)
            return;
        entry.nextSequence = std::min(highestDone + 1, entry.plannedSessions);
        IntervalWindow window;
        if (lastAt >= 0) {
            entry.lastSessionDate = time.localDate(lastAt);
            window = IntervalWindow::after(entry.lastSessionDate, minWeeks, maxWeeks);
        } else {
            window = {entry.windowStart, entry.windowStart.addDays(7 * qint64(maxWeeks))};
        }
        entry.windowStart = window.start;
        entry.windowEnd = window.end;
        if (window.start > horizon)
            return;
        entry.daysLeft = int(date.daysTo(window.end));
        entries.append(entry);
    };
    while (query.next()) {
        const qint64 planId = query.value(0).toLongLong();
        if (planId != entry.planId) {
            finish();
            entry = RecallEntry{};
            entry.planId = planId;
            entry.patientId = query.value(1).toLongLong();
            entry.patientName = PatientSummary::fullName(query.value(2).toString(), query.value(3).toString(),
                                                         query.value(4).toString());
            entry.phone = query.value(5).toString();
            entry.practitionerName = query.value(6).toString();
            entry.typeName = query.value(7).toString();
            entry.plannedSessions = query.value(8).toInt();
            minWeeks = query.value(9).toInt();
            maxWeeks = query.value(10).toInt();
            entry.windowStart = time.localDate(query.value(11).toLongLong());
            done = 0;
            highestDone = 0;
            lastAt = -1;
            booked = false;
        }
        if (query.value(12).isNull())
            continue;
        const QString status = query.value(14).toString();
        const bool performed = !query.value(13).isNull() || status == QLatin1String("completed");
        if (performed) {
            ++done;
            highestDone = std::max(highestDone, query.value(12).toInt());
            const qint64 at = query.value(15).isNull() ? query.value(13).toLongLong() : query.value(15).toLongLong();
            lastAt = std::max(lastAt, at);
        } else if (!status.isEmpty() && status != QLatin1String("cancelled") && status != QLatin1String("no_show")) {
            booked = true;
        }
    }
    finish();
    std::sort(entries.begin(), entries.end(), [](const RecallEntry &a, const RecallEntry &b) {
        if (a.windowEnd != b.windowEnd)
            return a.windowEnd < b.windowEnd;
        return a.patientName.localeAwareCompare(b.patientName) < 0;
    });
    return entries;
}

} // namespace dermdesk
