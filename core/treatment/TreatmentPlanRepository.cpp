#include "TreatmentPlanRepository.h"

#include "calendar/AppointmentRepository.h"
#include "calendar/ScheduleSetup.h"
#include "common/ErrorCode.h"
#include "common/TextRules.h"
#include "patients/PatientSummary.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/RowCursor.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

TreatmentPlanRepository::TreatmentPlanRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

namespace {

// The plan columns readPlans() expects, for plans matching `where` (over tp, the plan, and p, its patient) in
// `order`. How many sessions are done and which comes next is read apart (sessionsQuery).
QString planQuery(const QString &where, const QString &order)
{
    return QStringLiteral(
               "SELECT tp.id, tp.patient_id, p.given_name, p.family_name, p.preferred_name, t.name, tp.concerns, "
               "tp.areas, pr.display_name, tp.status, tp.planned_sessions, tp.consent_form_version, "
               "tp.consent_date "
               "FROM treatment_plan tp "
               "JOIN patient p ON p.id = tp.patient_id "
               "JOIN appointment_type t ON t.id = tp.type_id "
               "LEFT JOIN practitioner pr ON pr.id = tp.lead_practitioner_id "
               "WHERE %1 ORDER BY %2")
        .arg(where, order);
}

// (plan id, appointment id or NULL, whether it was recorded as performed) of every session of the plans matching
// `where` (over tp, the plan, alone): one walk of treatment_session(plan_id).
QByteArray sessionsQuery(const QString &where)
{
    return QStringLiteral("SELECT s.plan_id, s.appointment_id, CASE WHEN s.performed_at IS NULL THEN 0 ELSE 1 END "
                          "FROM treatment_plan tp JOIN treatment_session s ON s.plan_id = tp.id WHERE %1")
        .arg(where)
        .toLatin1();
}

Result<QList<PlanSummary>> readPlans(QSqlQuery &query)
{
    if (!query.exec())
        return sqlError(query.lastError(), QCoreApplication::translate("dermdesk::TreatmentPlanRepository",
                                                                       "Reading the treatment plans"));
    QList<PlanSummary> plans;
    while (query.next()) {
        PlanSummary plan;
        plan.id = query.value(0).toLongLong();
        plan.patientId = query.value(1).toLongLong();
        plan.patientName =
            PatientSummary::fullName(query.value(2).toString(), query.value(3).toString(), query.value(4).toString());
        plan.typeName = query.value(5).toString();
        plan.concerns = query.value(6).toString();
        plan.areas = query.value(7).toString();
        plan.practitionerName = query.value(8).toString();
        plan.status = PlanSummary::statusFromCode(query.value(9).toString()).value_or(PlanSummary::Status::Proposed);
        plan.sessionsPlanned = query.value(10).toInt();
        plan.consentFormVersion = query.value(11).toString();
        plan.consentDate = QDate::fromString(query.value(12).toString(), Qt::ISODate);
        plans.append(plan);
    }
    return plans;
}

} // namespace

Result<QList<PlanSummary>> TreatmentPlanRepository::summaries(const QString &where, const QString &sessionsWhere,
                                                              const QString &order,
                                                              std::optional<qint64> patientId) const
{
    Statement kept(m_database, planQuery(where, order));
    QSqlQuery &query = *kept;
    query.setForwardOnly(true);
    if (patientId)
        query.addBindValue(*patientId);
    auto read = readPlans(query);
    if (!read)
        return read.error();
    QList<PlanSummary> plans = std::move(read).value();
    QHash<qint64, qsizetype> rowOfPlan;
    rowOfPlan.reserve(plans.size());
    for (qsizetype row = 0; row < plans.size(); ++row)
        rowOfPlan.insert(plans.at(row).id, row);

    // A session is done when it was recorded as performed or its appointment was completed; the next session is
    // the soonest appointment from now on of a session not recorded that is still ahead (it holds its slot and
    // is not completed).
    const QByteArray sessionsSql = sessionsQuery(sessionsWhere);
    RowCursor sessions(m_database, sessionsSql.constData());
    if (patientId)
        sessions.bind(1, *patientId);
    if (Status run = sessions.exec(
            QCoreApplication::translate("dermdesk::TreatmentPlanRepository", "Reading the plans' sessions"));
        !run)
        return run.error();
    QList<std::pair<qsizetype, qint64>> open;
    QList<qint64> appointmentIds;
    while (sessions.next()) {
        const auto row = rowOfPlan.constFind(sessions.integer(0));
        if (row == rowOfPlan.cend())
            continue;
        if (sessions.integer(2) != 0) {
            ++plans[*row].sessionsDone;
        } else if (!sessions.isNull(1)) {
            open.append({*row, sessions.integer(1)});
            appointmentIds.append(sessions.integer(1));
        }
    }
    if (!sessions.status())
        return sessions.status().error();
    if (open.isEmpty())
        return plans;
    auto appointments = AppointmentRepository(m_database, m_clock).facts(appointmentIds);
    if (!appointments)
        return appointments.error();
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    for (const auto &[row, appointmentId] : open) {
        const auto appointment = appointments.value().constFind(appointmentId);
        if (appointment == appointments.value().cend())
            continue;
        PlanSummary &plan = plans[row];
        if (appointment->status == AppointmentStatus::Completed)
            ++plan.sessionsDone;
        else if (appointment->isAhead() && appointment->startsAt >= now
                 && (!plan.nextSessionAt || appointment->startsAt < *plan.nextSessionAt))
            plan.nextSessionAt = appointment->startsAt;
    }
    return plans;
}

Result<QList<PlanSummary>> TreatmentPlanRepository::openPlans() const
{
    const QString open = QStringLiteral("tp.status IN ('proposed', 'active')");
    auto found = summaries(open + QStringLiteral(" AND p.archived = 0"), open,
                           QStringLiteral("p.family_name, p.given_name, tp.id"));
    if (!found)
        return found;
    // Those with a next session first, soonest first; the others after them in name order.
    QList<PlanSummary> plans = std::move(found).value();
    const auto withNext = std::stable_partition(plans.begin(), plans.end(),
                                                [](const PlanSummary &plan) { return plan.nextSessionAt.has_value(); });
    std::stable_sort(plans.begin(), withNext,
                     [](const PlanSummary &a, const PlanSummary &b) { return *a.nextSessionAt < *b.nextSessionAt; });
    return plans;
}

Result<QList<PlanSummary>> TreatmentPlanRepository::plansOfPatient(qint64 patientId) const
{
    const QString ofPatient = QStringLiteral("tp.patient_id = ?");
    return summaries(ofPatient, ofPatient, QStringLiteral("tp.created_at DESC, tp.id DESC"), patientId);
}

} // namespace dermdesk

namespace dermdesk {

namespace {

QString trPlan(const char *text)
{
    return QCoreApplication::translate("dermdesk::TreatmentPlanRepository", text);
}

QJsonObject planJson(const TreatmentPlan &plan)
{
    QJsonArray areas;
    for (const PlanArea &area : plan.areas)
        areas.append(QJsonObject{{QStringLiteral("area"), area.area},
                                 {QStringLiteral("planned_depth_mm"),
                                  area.plannedDepthMm ? QJsonValue(*area.plannedDepthMm) : QJsonValue()}});
    return {{QStringLiteral("patient_id"), plan.patientId},
            {QStringLiteral("lead_practitioner_id"),
             plan.leadPractitionerId ? QJsonValue(*plan.leadPractitionerId) : QJsonValue()},
            {QStringLiteral("type_id"), plan.typeId},
            {QStringLiteral("concerns"), plan.concerns.join(QStringLiteral(", "))},
            {QStringLiteral("areas"), areas},
            {QStringLiteral("planned_sessions"), plan.plannedSessions},
            {QStringLiteral("interval_weeks"),
             QStringLiteral("%1-%2").arg(plan.intervalMinWeeks).arg(plan.intervalMaxWeeks)},
            {QStringLiteral("status"), TreatmentPlan::statusCode(plan.status)},
            {QStringLiteral("stop_reason"), plan.stopReason},
            {QStringLiteral("goals"), plan.goals},
            {QStringLiteral("notes"), plan.notes},
            {QStringLiteral("consent_form_version"), plan.consentFormVersion},
            {QStringLiteral("consent_date"), plan.consentDate.toString(Qt::ISODate)},
            {QStringLiteral("preferred_weekdays"), plan.preferredWeekdays}};
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

// Binds, in this order, what create() and update() both write: patient_id, lead_practitioner_id, type_id,
// concerns, areas, planned_sessions, interval_min_weeks, interval_max_weeks, goals, notes, preferred_weekdays,
// preferred_starts_min, preferred_ends_min.
void bindPlanFields(QSqlQuery &query, const TreatmentPlan &plan)
{
    QStringList names;
    for (const PlanArea &area : plan.areas)
        names.append(area.area.trimmed());
    query.addBindValue(plan.patientId);
    query.addBindValue(sqlId(plan.leadPractitionerId));
    query.addBindValue(plan.typeId);
    query.addBindValue(sqlText(plan.concerns.join(QStringLiteral(", "))));
    query.addBindValue(sqlText(names.join(QStringLiteral(", "))));
    query.addBindValue(plan.plannedSessions);
    query.addBindValue(plan.intervalMinWeeks);
    query.addBindValue(plan.intervalMaxWeeks);
    query.addBindValue(sqlText(plan.goals));
    query.addBindValue(sqlText(plan.notes));
    query.addBindValue(plan.preferredWeekdays);
    query.addBindValue(optionalInt(plan.preferredStartMin));
    query.addBindValue(optionalInt(plan.preferredEndMin));
}

} // namespace

Result<TreatmentPlan> TreatmentPlanRepository::find(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, patient_id, lead_practitioner_id, type_id, concerns, planned_sessions, interval_min_weeks, "
        "interval_max_weeks, status, stop_reason, goals, notes, consent_form_version, consent_date, "
        "consent_recorded_by, preferred_weekdays, preferred_starts_min, preferred_ends_min, created_at, updated_at "
        "FROM treatment_plan WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Reading the treatment plan"));
    if (!query.next())
        return Error::notFound(QStringLiteral("treatment_plan"), trPlan("There is no treatment plan %1.").arg(id));
    TreatmentPlan plan;
    plan.id = query.value(0).toLongLong();
    plan.patientId = query.value(1).toLongLong();
    if (!query.value(2).isNull())
        plan.leadPractitionerId = query.value(2).toLongLong();
    plan.typeId = query.value(3).toLongLong();
    for (const QString &concern : query.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        plan.concerns.append(concern.trimmed());
    plan.plannedSessions = query.value(5).toInt();
    plan.intervalMinWeeks = query.value(6).toInt();
    plan.intervalMaxWeeks = query.value(7).toInt();
    plan.status = PlanSummary::statusFromCode(query.value(8).toString()).value_or(PlanSummary::Status::Proposed);
    plan.stopReason = query.value(9).toString();
    plan.goals = query.value(10).toString();
    plan.notes = query.value(11).toString();
    plan.consentFormVersion = query.value(12).toString();
    plan.consentDate = QDate::fromString(query.value(13).toString(), Qt::ISODate);
    plan.consentRecordedBy = query.value(14).toString();
    plan.preferredWeekdays = query.value(15).toInt();
    if (!query.value(16).isNull() && !query.value(17).isNull()) {
        plan.preferredStartMin = query.value(16).toInt();
        plan.preferredEndMin = query.value(17).toInt();
    }
    plan.createdAt = query.value(18).toLongLong();
    plan.updatedAt = query.value(19).toLongLong();

    QSqlQuery areas(m_database.connection());
    areas.prepare(QStringLiteral("SELECT area, planned_depth_mm FROM treatment_plan_area WHERE plan_id = ? "
                                 "ORDER BY position, area"));
    areas.addBindValue(id);
    if (!areas.exec())
        return sqlError(areas.lastError(), trPlan("Reading the plan's areas"));
    while (areas.next()) {
        PlanArea area{areas.value(0).toString(), std::nullopt};
        if (!areas.value(1).isNull())
            area.plannedDepthMm = areas.value(1).toDouble();
        plan.areas.append(area);
    }
    return plan;
}

Status TreatmentPlanRepository::checkReferences(const TreatmentPlan &plan) const
{
    auto setup = ScheduleSetup::load(m_database);
    if (!setup)
        return setup.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT archived FROM patient WHERE id = ?"));
    query.addBindValue(plan.patientId);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Reading the patient"));
    if (!query.next())
        return Error::notFound(QStringLiteral("patient"), trPlan("There is no patient %1.").arg(plan.patientId));
    if (query.value(0).toBool())
        return error_code::rule(ErrorCode::PatientArchived,
                                trPlan("The patient is archived; restore the record before planning treatment."));
    const AppointmentType *type = setup.value().type(plan.typeId);
    if (!type)
        return Error::notFound(QStringLiteral("appointment_type"),
                               trPlan("There is no appointment type %1.").arg(plan.typeId));
    if (!type->isTreatment || !type->active)
        return Error::rule(QStringLiteral("plan.type"),
                           trPlan("%1 is not an active treatment session type; a plan's sessions must be one.")
                               .arg(type->name));
    if (plan.leadPractitionerId) {
        const Practitioner *practitioner = setup.value().practitioner(*plan.leadPractitionerId);
        if (!practitioner)
            return Error::notFound(QStringLiteral("practitioner"),
                                   trPlan("There is no practitioner %1.").arg(*plan.leadPractitionerId));
        if (!practitioner->active)
            return error_code::rule(ErrorCode::PractitionerInactive,
                                    trPlan("%1 is inactive.").arg(practitioner->displayName));
        if (!practitioner->typeIds.contains(plan.typeId))
            return error_code::rule(ErrorCode::PractitionerType,
                                    trPlan("%1 does not perform %2.").arg(practitioner->displayName, type->name));
    }
    return {};
}

Result<int> TreatmentPlanRepository::lastTakenSequence(qint64 planId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT sequence_no, appointment_id, performed_at FROM treatment_session "
                                 "WHERE plan_id = ?"));
    query.addBindValue(planId);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Reading the plan's sessions"));
    QList<std::pair<int, qint64>> booked;
    QList<qint64> appointmentIds;
    int last = 0;
    while (query.next()) {
        const int sequence = query.value(0).toInt();
        if (!query.value(2).isNull()) {
            last = std::max(last, sequence);
        } else if (!query.value(1).isNull()) {
            booked.append({sequence, query.value(1).toLongLong()});
            appointmentIds.append(query.value(1).toLongLong());
        }
    }
    auto appointments = AppointmentRepository(m_database, m_clock).facts(appointmentIds);
    if (!appointments)
        return appointments.error();
    for (const auto &[sequence, appointmentId] : booked) {
        const auto appointment = appointments.value().constFind(appointmentId);
        if (appointment != appointments.value().cend() && appointment->holdsSlot())
            last = std::max(last, sequence);
    }
    return last;
}

Status TreatmentPlanRepository::writeAreas(const TreatmentPlan &plan) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM treatment_plan_area WHERE plan_id = ?"));
    query.addBindValue(plan.id);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Saving the plan's areas"));
    query.prepare(QStringLiteral(
        "INSERT INTO treatment_plan_area (plan_id, area, planned_depth_mm, position) VALUES (?, ?, ?, ?)"));
    int position = 0;
    for (const PlanArea &area : plan.areas) {
        query.addBindValue(plan.id);
        query.addBindValue(area.area.trimmed());
        query.addBindValue(area.plannedDepthMm ? QVariant(*area.plannedDepthMm)
                                               : QVariant(QMetaType::fromType<double>()));
        query.addBindValue(++position);
        if (!query.exec())
            return sqlError(query.lastError(), trPlan("Saving the plan's areas"));
    }
    return {};
}

Status TreatmentPlanRepository::audit(const QString &action, qint64 id, const QJsonObject &details) const
{
    return AuditLog(m_database, m_clock).record(action, QStringLiteral("treatment_plan"), id, details);
}

Result<TreatmentPlan> TreatmentPlanRepository::create(TreatmentPlan plan)
{
    if (plan.status != PlanSummary::Status::Active)
        plan.status = PlanSummary::Status::Proposed;
    if (Status valid = plan.validate(); !valid)
        return valid.error();
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    if (Status refs = checkReferences(plan); !refs)
        return refs.error();
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    plan.createdAt = now;
    plan.updatedAt = now;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO treatment_plan (patient_id, lead_practitioner_id, type_id, concerns, areas, planned_sessions, "
        "interval_min_weeks, interval_max_weeks, goals, notes, preferred_weekdays, preferred_starts_min, "
        "preferred_ends_min, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindPlanFields(query, plan);
    query.addBindValue(TreatmentPlan::statusCode(plan.status));
    query.addBindValue(now);
    query.addBindValue(now);
    const Result<qint64> inserted = m_database.engine().insert(query, trPlan("Saving the treatment plan"));
    if (!inserted)
        return inserted.error();
    plan.id = inserted.value();
    if (Status s = writeAreas(plan); !s)
        return s.error();
    if (Status s = audit(QStringLiteral("create"), plan.id, {{QStringLiteral("after"), planJson(plan)}}); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return plan;
}

Status TreatmentPlanRepository::update(const TreatmentPlan &plan)
{
    if (Status valid = plan.validate(); !valid)
        return valid;
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto before = find(plan.id);
    if (!before)
        return before.error();
    if (Status refs = checkReferences(plan); !refs)
        return refs;
    auto taken = lastTakenSequence(plan.id);
    if (!taken)
        return taken.error();
    if (taken.value() > plan.plannedSessions) {
        return Error::invalidInput(QStringLiteral("sessions"),
                                   trPlan("Session %1 is already booked or done; plan at least %1 sessions.")
                                       .arg(taken.value()));
    }
    TreatmentPlan after = plan;
    after.status = before.value().status;
    after.stopReason = before.value().stopReason;
    after.consentFormVersion = before.value().consentFormVersion;
    after.consentDate = before.value().consentDate;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "UPDATE treatment_plan SET patient_id = ?, lead_practitioner_id = ?, type_id = ?, concerns = ?, areas = ?, "
        "planned_sessions = ?, interval_min_weeks = ?, interval_max_weeks = ?, goals = ?, notes = ?, "
        "preferred_weekdays = ?, preferred_starts_min = ?, preferred_ends_min = ?, updated_at = ? WHERE id = ?"));
    bindPlanFields(query, plan);
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(plan.id);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Saving the treatment plan"));
    if (Status s = writeAreas(plan); !s)
        return s;
    if (Status s =
            audit(QStringLiteral("update"), plan.id,
                  {{QStringLiteral("before"), planJson(before.value())}, {QStringLiteral("after"), planJson(after)}});
        !s)
        return s;
    return transaction.commit();
}

Status TreatmentPlanRepository::changeStatus(qint64 id, PlanSummary::Status to, const QString &reason)
{
    using S = PlanSummary::Status;
    if (to == S::Stopped && reason.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("reason"), trPlan("Say why the plan is stopped."));
    if (Status s = TextRules::check(reason, QStringLiteral("reason"), TextRules::reasonLength); !s)
        return s;
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto before = find(id);
    if (!before)
        return before.error();
    const S from = before.value().status;
    const bool allowed = (from == S::Proposed && (to == S::Active || to == S::Stopped))
                         || (from == S::Active && (to == S::Completed || to == S::Stopped));
    if (!allowed) {
        return Error::rule(QStringLiteral("plan.status"), trPlan("A %1 plan cannot become %2.")
                                                              .arg(PlanSummary::statusDisplayName(from).toLower(),
                                                                   PlanSummary::statusDisplayName(to).toLower()));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE treatment_plan SET status = ?, stop_reason = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(TreatmentPlan::statusCode(to));
    query.addBindValue(sqlText(to == S::Stopped ? reason.trimmed() : QString()));
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Changing the plan's status"));
    QJsonObject details{{QStringLiteral("before"), TreatmentPlan::statusCode(from)},
                        {QStringLiteral("after"), TreatmentPlan::statusCode(to)}};
    if (!reason.trimmed().isEmpty())
        details.insert(QStringLiteral("reason"), reason.trimmed());
    if (Status s = audit(QStringLiteral("status"), id, details); !s)
        return s;
    return transaction.commit();
}

Status TreatmentPlanRepository::activateIfProposed(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE treatment_plan SET status = 'active', updated_at = ? WHERE id = ? "
                                 "AND status = 'proposed'"));
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Activating the plan"));
    if (query.numRowsAffected() == 0)
        return {};
    return audit(QStringLiteral("status"), id,
                 {{QStringLiteral("before"), TreatmentPlan::statusCode(PlanSummary::Status::Proposed)},
                  {QStringLiteral("after"), TreatmentPlan::statusCode(PlanSummary::Status::Active)}});
}

Status TreatmentPlanRepository::recordConsent(qint64 id, const QString &formVersion, const QDate &date)
{
    if (formVersion.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("consent_form_version"), trPlan("Give the consent form's version."));
    if (formVersion.trimmed().size() > maxConsentFormVersionLength)
        return Error::invalidInput(QStringLiteral("consent_form_version"),
                                   trPlan("A consent form version is at most %1 characters.")
                                       .arg(maxConsentFormVersionLength));
    if (!date.isValid())
        return Error::invalidInput(QStringLiteral("consent_date"), trPlan("Give the date the consent was signed."));
    auto setup = ScheduleSetup::load(m_database);
    if (!setup)
        return setup.error();
    const QDate today = setup.value().time().localDate(m_clock.now().toSecsSinceEpoch());
    if (date > today) {
        return Error::invalidInput(QStringLiteral("consent_date"),
                                   trPlan("The consent date %1 is in the future; give the date the form was signed.")
                                       .arg(date.toString(Qt::ISODate)));
    }
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto before = find(id);
    if (!before)
        return before.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE treatment_plan SET consent_form_version = ?, consent_date = ?, "
                                 "consent_recorded_by = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(formVersion.trimmed());
    query.addBindValue(date.toString(Qt::ISODate));
    query.addBindValue(m_database.actor().person);
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), trPlan("Recording the consent"));
    if (Status s =
            audit(QStringLiteral("consent"), id,
                  {{QStringLiteral("before"),
                    QJsonObject{{QStringLiteral("form_version"), before.value().consentFormVersion},
                                {QStringLiteral("date"), before.value().consentDate.toString(Qt::ISODate)}}},
                   {QStringLiteral("after"), QJsonObject{{QStringLiteral("form_version"), formVersion.trimmed()},
                                                         {QStringLiteral("date"), date.toString(Qt::ISODate)}}}});
        !s)
        return s;
    return transaction.commit();
}

} // namespace dermdesk
