#include "PatientMerger.h"

#include "calendar/AppointmentRepository.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "patients/PatientRepository.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientMerger");

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

QString fullName(const Patient &patient)
{
    return patient.givenName + QLatin1Char(' ') + patient.familyName;
}

// The tables besides the appointments (which AppointmentRepository moves) whose patient_id the merge moves.
QStringList otherMovedTables()
{
    return {QStringLiteral("treatment_plan"), QStringLiteral("waitlist_entry"), QStringLiteral("screening_answer"),
            QStringLiteral("handout_log")};
}

} // namespace

PatientMerger::PatientMerger(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

QStringList PatientMerger::movedTables()
{
    return QStringList{QStringLiteral("appointment")} + otherMovedTables();
}

Result<Patient> PatientMerger::record(qint64 id, const QString &field) const
{
    auto found = PatientRepository(m_database, m_clock).find(id);
    if (!found)
        return found.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT merged_into_id FROM patient WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return sqlError(query.lastError(), tr("Reading the patient"));
    if (!query.value(0).isNull()) {
        return Error(ErrorKind::Rule, QStringLiteral("rule.patient.merged"),
                     tr("%1 (patient %2) was already merged into patient %3.")
                         .arg(fullName(found.value()))
                         .arg(id)
                         .arg(query.value(0).toLongLong()),
                     field);
    }
    return found;
}

Result<QList<qint64>> PatientMerger::ids(const QString &table, qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // `table` comes from otherMovedTables(), never from input.
    query.prepare(QStringLiteral("SELECT id FROM %1 WHERE patient_id = ? ORDER BY id").arg(table));
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading what the patient holds"));
    QList<qint64> found;
    while (query.next())
        found.append(query.value(0).toLongLong());
    return found;
}

Status PatientMerger::checkNoOverlap(const PatientMerge &merge) const
{
    auto overlap = AppointmentRepository(m_database, m_clock).firstOverlap(merge.merged.id, merge.survivor.id);
    if (!overlap)
        return overlap.error();
    if (!overlap.value())
        return {};
    const AppointmentOverlap &found = *overlap.value();
    const QDateTime at = QDateTime::fromSecsSinceEpoch(found.startsAt, ClinicRepository(m_database).timeZone());
    return Error::rule(QStringLiteral("patient.merge_overlap"),
                       tr("Appointment %1 of %2 and appointment %3 of %4 overlap on %5 at %6: cancel or move one "
                          "of them before merging.")
                           .arg(found.firstId)
                           .arg(fullName(merge.merged))
                           .arg(found.secondId)
                           .arg(fullName(merge.survivor), at.date().toString(Qt::ISODate),
                                at.time().toString(QStringLiteral("HH:mm"))));
}

Result<PatientMerge> PatientMerger::preview(qint64 mergedId, qint64 survivorId) const
{
    if (mergedId == survivorId)
        return Error::invalidInput(QStringLiteral("survivor"), tr("A patient record cannot be merged into itself."));
    PatientMerge merge;
    for (const auto &[id, target, field] : {std::tuple{mergedId, &merge.merged, QStringLiteral("merged")},
                                            std::tuple{survivorId, &merge.survivor, QStringLiteral("survivor")}}) {
        auto found = record(id, field);
        if (!found)
            return found.error();
        *target = found.value();
    }
    auto appointments = AppointmentRepository(m_database, m_clock).idsOfPatient(mergedId);
    if (!appointments)
        return appointments.error();
    merge.appointmentIds = appointments.value();
    for (const auto &[table, target] : {std::pair{QStringLiteral("treatment_plan"), &merge.planIds},
                                        std::pair{QStringLiteral("waitlist_entry"), &merge.waitlistIds}}) {
        auto found = ids(table, mergedId);
        if (!found)
            return found.error();
        *target = found.value();
    }
    for (const auto &[table, target] : {std::pair{QStringLiteral("screening_answer"), &merge.screeningAnswers},
                                        std::pair{QStringLiteral("handout_log"), &merge.handouts}}) {
        auto found = ids(table, mergedId);
        if (!found)
            return found.error();
        *target = int(found.value().size());
    }
    if (Status s = checkNoOverlap(merge); !s)
        return s.error();
    return merge;
}

Result<PatientMerge> PatientMerger::merge(qint64 mergedId, qint64 survivorId)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    auto planned = preview(mergedId, survivorId);
    if (!planned)
        return planned.error();
    const PatientMerge &merge = planned.value();
    const qint64 now = m_clock.now().toSecsSinceEpoch();

    if (Status moved = AppointmentRepository(m_database, m_clock).reassignPatient(mergedId, survivorId); !moved)
        return moved.error();
    for (const QString &table : otherMovedTables()) {
        QSqlQuery move(m_database.connection());
        move.prepare(QStringLiteral("UPDATE %1 SET patient_id = ? WHERE patient_id = ?").arg(table));
        move.addBindValue(survivorId);
        move.addBindValue(mergedId);
        if (!move.exec())
            return sqlError(move.lastError(), tr("Moving the patient's %1 rows").arg(table));
    }
    Patient archived = merge.merged;
    const QString note = tr("Merged into patient %1 (%2) on %3.")
                             .arg(survivorId)
                             .arg(fullName(merge.survivor), m_clock.now().toUTC().date().toString(Qt::ISODate));
    archived.notes = archived.notes.isEmpty() ? note : archived.notes + QLatin1Char('\n') + note;
    archived.archived = true;
    QSqlQuery update(m_database.connection());
    update.prepare(
        QStringLiteral("UPDATE patient SET archived = 1, merged_into_id = ?, notes = ?, updated_at = ? WHERE id = ?"));
    update.addBindValue(survivorId);
    update.addBindValue(archived.notes);
    update.addBindValue(now);
    update.addBindValue(mergedId);
    if (!update.exec())
        return sqlError(update.lastError(), tr("Archiving the merged patient"));

    const QJsonObject moved{{QStringLiteral("appointment_ids"), idArray(merge.appointmentIds)},
                            {QStringLiteral("treatment_plan_ids"), idArray(merge.planIds)},
                            {QStringLiteral("waitlist_entry_ids"), idArray(merge.waitlistIds)},
                            {QStringLiteral("screening_answers"), merge.screeningAnswers},
                            {QStringLiteral("handouts"), merge.handouts}};
    QJsonObject mergedAfter = archived.toJson();
    mergedAfter.insert(QStringLiteral("merged_into_id"), survivorId);
    const AuditLog audit(m_database, m_clock);
    if (Status s =
            audit.record(QStringLiteral("merge"), QStringLiteral("patient"), survivorId,
                         {{QStringLiteral("merged_id"), mergedId},
                          {QStringLiteral("before"), QJsonObject{{QStringLiteral("survivor"), merge.survivor.toJson()},
                                                                 {QStringLiteral("merged"), merge.merged.toJson()}}},
                          {QStringLiteral("after"), QJsonObject{{QStringLiteral("survivor"), merge.survivor.toJson()},
                                                                {QStringLiteral("merged"), mergedAfter}}},
                          {QStringLiteral("moved"), moved}});
        !s)
        return s.error();
    if (Status s = audit.record(QStringLiteral("merged_into"), QStringLiteral("patient"), mergedId,
                                {{QStringLiteral("survivor_id"), survivorId},
                                 {QStringLiteral("before"), merge.merged.toJson()},
                                 {QStringLiteral("after"), mergedAfter},
                                 {QStringLiteral("moved"), moved}});
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return merge;
}

} // namespace dermdesk
