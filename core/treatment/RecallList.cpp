#include "RecallList.h"

#include "IntervalWindow.h"
#include "calendar/AppointmentRepository.h"
#include "calendar/ClinicTime.h"
#include "common/Translation.h"
#include "patients/PatientSummary.h"
#include "storage/Database.h"
#include "storage/RowCursor.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"

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
    const ClinicTime time(m_zone);
    const QDate horizon = date.addDays(horizonDays);
    auto candidates = unbookedPlans();
    if (!candidates)
        return candidates.error();
    QList<RecallEntry> entries;
    const Status read = sqlInBatches(candidates.value(), [&](const QList<qint64> &plans) -> Status {
        auto done = sessionsDone(plans);
        if (!done)
            return done.error();
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT tp.id, tp.patient_id, p.given_name, p.family_name, p.preferred_name, "
                                     "p.phone, pr.display_name, t.name, tp.planned_sessions, tp.interval_min_weeks, "
                                     "tp.interval_max_weeks, tp.created_at FROM treatment_plan tp "
                                     "JOIN patient p ON p.id = tp.patient_id AND p.archived = 0 "
                                     "JOIN appointment_type t ON t.id = tp.type_id "
                                     "LEFT JOIN practitioner pr ON pr.id = tp.lead_practitioner_id "
                                     "WHERE tp.id IN (%1)")
                          .arg(sqlMarks(plans.size())));
        for (const qint64 id : plans)
            query.addBindValue(id);
        if (!query.exec())
            return sqlError(query.lastError(), tr("Reading the plans to recall"));
        while (query.next()) {
            RecallEntry entry;
            entry.planId = query.value(0).toLongLong();
            entry.patientId = query.value(1).toLongLong();
            entry.patientName = PatientSummary::fullName(query.value(2).toString(), query.value(3).toString(),
                                                         query.value(4).toString());
            entry.phone = query.value(5).toString();
            entry.practitionerName = query.value(6).toString();
            entry.typeName = query.value(7).toString();
            entry.plannedSessions = query.value(8).toInt();
            const int minWeeks = query.value(9).toInt();
            const int maxWeeks = query.value(10).toInt();
            const Done progress = done.value().value(entry.planId);
            if (progress.count >= entry.plannedSessions)
                continue; // every session done: nothing to recall
            entry.nextSequence = std::min(progress.lastSequence + 1, entry.plannedSessions);
            IntervalWindow window;
            if (progress.lastAt) {
                entry.lastSessionDate = time.localDate(*progress.lastAt);
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
        return {};
    });
    if (!read)
        return read.error();
    std::sort(entries.begin(), entries.end(), [](const RecallEntry &a, const RecallEntry &b) {
        if (a.windowEnd != b.windowEnd)
            return a.windowEnd < b.windowEnd;
        return a.patientName.localeAwareCompare(b.patientName) < 0;
    });
    return entries;
}

Result<QList<qint64>> RecallList::unbookedPlans() const
{
    // One statement: the active plans (treatment_plan(status)) without a session of their own not yet performed
    // (treatment_session_pending) whose appointment is ahead (appointment_ahead): small indexes, which an engine may
    // compare as sets or probe plan by plan.
    const QByteArray sql = QStringLiteral("SELECT tp.id FROM treatment_plan tp WHERE tp.status = 'active' AND "
                                          "NOT EXISTS (SELECT 1 FROM treatment_session s WHERE s.plan_id = tp.id "
                                          "AND s.performed_at IS NULL AND %1) ORDER BY tp.id")
                               .arg(AppointmentRepository::aheadExists(QStringLiteral("s.appointment_id")))
                               .toLatin1();
    RowCursor query(m_database, sql.constData());
    if (Status run = query.exec(tr("Reading the plans to recall")); !run)
        return run.error();
    QList<qint64> plans;
    while (query.next())
        plans.append(query.integer(0));
    if (!query.status())
        return query.status().error();
    return plans;
}

Result<QHash<qint64, RecallList::Done>> RecallList::sessionsDone(const QList<qint64> &planIds) const
{
    // A session is done when it was recorded as performed or its appointment was completed; its date is the
    // appointment's start when it has one, else when it was performed.
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT plan_id, sequence_no, appointment_id, performed_at FROM treatment_session "
                                 "WHERE plan_id IN (%1)")
                      .arg(sqlMarks(planIds.size())));
    for (const qint64 id : planIds)
        query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the plans to recall"));
    struct Row
    {
        qint64 planId;
        int sequence;
        qint64 appointmentId;
        std::optional<qint64> performedAt;
    };
    QList<Row> rows;
    QList<qint64> appointmentIds;
    while (query.next()) {
        Row row{query.value(0).toLongLong(), query.value(1).toInt(), query.value(2).toLongLong(), std::nullopt};
        if (!query.value(3).isNull())
            row.performedAt = query.value(3).toLongLong();
        if (row.appointmentId)
            appointmentIds.append(row.appointmentId);
        rows.append(row);
    }
    auto appointments = AppointmentRepository(m_database).facts(appointmentIds);
    if (!appointments)
        return appointments.error();
    QHash<qint64, Done> done;
    for (const Row &row : rows) {
        const auto appointment = appointments.value().constFind(row.appointmentId);
        const bool hasAppointment = appointment != appointments.value().cend();
        if (!row.performedAt && !(hasAppointment && appointment->status == AppointmentStatus::Completed))
            continue;
        Done &plan = done[row.planId];
        ++plan.count;
        plan.lastSequence = std::max(plan.lastSequence, row.sequence);
        const qint64 at = hasAppointment ? appointment->startsAt : *row.performedAt;
        plan.lastAt = plan.lastAt ? std::max(*plan.lastAt, at) : at;
    }
    return done;
}

} // namespace dermdesk
