// AppointmentRepository's reads for the rest of the clinic (treatment plans, documents, the patient list, the
// patient-record tools): typed facts by id or by patient, so no other folder joins the appointment table.
#include "AppointmentRepository.h"

#include "AppointmentStatusRules.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/RowCursor.h"
#include "storage/SqlError.h"
#include "storage/SqlRows.h"
#include "storage/SqlValue.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

// The status stored as `text`, read without making a QString of it (facts() reads thousands).
AppointmentStatus statusOf(QByteArrayView text)
{
    static const QList<std::pair<QByteArray, AppointmentStatus>> spellings = [] {
        QList<std::pair<QByteArray, AppointmentStatus>> list;
        for (const AppointmentStatus status : appointment_status::all())
            list.append({appointment_status::toStorage(status).toLatin1(), status});
        return list;
    }();
    for (const auto &[spelling, status] : spellings) {
        if (text == spelling)
            return status;
    }
    return AppointmentStatus::Booked;
}

} // namespace

Result<QHash<qint64, AppointmentFacts>> AppointmentRepository::facts(const QList<qint64> &ids) const
{
    // In id order, so each batch reads neighbouring rows.
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QHash<qint64, AppointmentFacts> found;
    found.reserve(sorted.size());
    const Status read = sqlInBatches(sorted, [&](const QList<qint64> &batch) -> Status {
        const QByteArray sql = QStringLiteral("SELECT id, patient_id, practitioner_id, room_id, starts_at, ends_at, "
                                              "status FROM appointment WHERE id IN (%1)")
                                   .arg(sqlMarks(batch.size()))
                                   .toLatin1();
        RowCursor query(m_database, sql.constData());
        for (qsizetype i = 0; i < batch.size(); ++i)
            query.bind(int(i) + 1, batch.at(i));
        if (Status run = query.exec(tr("Reading the appointments")); !run)
            return run;
        while (query.next()) {
            AppointmentFacts facts;
            facts.id = query.integer(0);
            facts.patientId = query.integer(1);
            facts.practitionerId = query.integer(2);
            if (!query.isNull(3))
                facts.roomId = query.integer(3);
            facts.startsAt = query.integer(4);
            facts.endsAt = query.integer(5);
            facts.status = statusOf(query.utf8(6));
            found.insert(facts.id, facts);
        }
        return query.status();
    });
    if (!read)
        return read.error();
    return found;
}

QString AppointmentRepository::aheadExists(const QString &idColumn)
{
    // The condition is the one of the index appointment_ahead (schema version 13), word for word, so that the engines
    // read that small index instead of the table's rows: change both together.
    return QStringLiteral("EXISTS (SELECT 1 FROM appointment ahead WHERE ahead.id = %1 AND ahead.status NOT IN (%2, "
                          "'%3'))")
        .arg(idColumn, appointment_status::slotFreeingSqlList(),
             appointment_status::toStorage(AppointmentStatus::Completed));
}

QByteArray AppointmentRepository::nextVisitsStatement(qsizetype count)
{
    return QStringLiteral("SELECT patient_id, min(starts_at) FROM appointment WHERE patient_id IN (%1) "
                          "AND starts_at >= ? AND status NOT IN (%2) GROUP BY patient_id")
        .arg(sqlMarks(count), appointment_status::slotFreeingSqlList())
        .toLatin1();
}

Result<QHash<qint64, qint64>> AppointmentRepository::nextVisits(const QList<qint64> &patientIds, qint64 fromUtc) const
{
    QHash<qint64, qint64> found;
    const Status read = sqlInBatches(patientIds, [&](const QList<qint64> &batch) -> Status {
        const QByteArray sql = nextVisitsStatement(batch.size());
        RowCursor query(m_database, sql.constData());
        for (qsizetype i = 0; i < batch.size(); ++i)
            query.bind(int(i) + 1, batch.at(i));
        query.bind(int(batch.size()) + 1, fromUtc);
        if (Status run = query.exec(tr("Reading the patients' next visits")); !run)
            return run;
        while (query.next())
            found.insert(query.integer(0), query.integer(1));
        return query.status();
    });
    if (!read)
        return read.error();
    return found;
}

Result<qint64> AppointmentRepository::count() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM appointment")) || !query.next())
        return sqlError(query.lastError(), tr("Counting the appointments"));
    return query.value(0).toLongLong();
}

Result<QList<qint64>> AppointmentRepository::idsOfPatient(qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM appointment WHERE patient_id = ? ORDER BY starts_at, id"));
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient's appointments"));
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

Result<std::optional<AppointmentOverlap>> AppointmentRepository::firstOverlap(qint64 firstPatient,
                                                                              qint64 secondPatient) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT a.id, b.id, a.starts_at FROM appointment a JOIN appointment b "
                                 "ON b.patient_id = ? AND b.starts_at < a.ends_at AND a.starts_at < b.ends_at "
                                 "AND b.status NOT IN (%1) "
                                 "WHERE a.patient_id = ? AND a.status NOT IN (%1) "
                                 "ORDER BY a.starts_at, a.id, b.starts_at, b.id LIMIT 1")
                      .arg(appointment_status::slotFreeingSqlList()));
    query.addBindValue(secondPatient);
    query.addBindValue(firstPatient);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Comparing the patients' appointments"));
    if (!query.next())
        return std::optional<AppointmentOverlap>();
    return std::optional<AppointmentOverlap>(
        AppointmentOverlap{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong()});
}

Result<QJsonArray> AppointmentRepository::recordOf(qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.*, t.name AS type_name, p.display_name AS practitioner_name, "
                                 "r.name AS room_name FROM appointment a JOIN appointment_type t ON t.id = a.type_id "
                                 "JOIN practitioner p ON p.id = a.practitioner_id LEFT JOIN room r ON r.id = a.room_id "
                                 "WHERE a.patient_id = ? ORDER BY a.starts_at, a.id"));
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient's appointments"));
    QJsonArray appointments = sqlRowsAsJson(query);

    QSqlQuery history(m_database.connection());
    history.setForwardOnly(true);
    history.prepare(QStringLiteral("SELECT c.* FROM appointment_status_change c JOIN appointment a "
                                   "ON a.id = c.appointment_id WHERE a.patient_id = ? ORDER BY c.at, c.id"));
    history.addBindValue(patientId);
    if (!history.exec())
        return sqlError(history.lastError(), tr("Reading the appointments' history"));
    QHash<qint64, QJsonArray> changes;
    for (const QJsonValue &change : sqlRowsAsJson(history))
        changes[change.toObject().value(QStringLiteral("appointment_id")).toInteger()].append(change);
    for (qsizetype i = 0; i < appointments.size(); ++i) {
        QJsonObject appointment = appointments.at(i).toObject();
        appointment.insert(QStringLiteral("history"),
                           changes.value(appointment.value(QStringLiteral("id")).toInteger()));
        appointments[i] = appointment;
    }
    return appointments;
}

Status AppointmentRepository::reassignPatient(qint64 fromPatient, qint64 toPatient)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE appointment SET patient_id = ? WHERE patient_id = ?"));
    query.addBindValue(toPatient);
    query.addBindValue(fromPatient);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Moving the patient's appointments"));
    return {};
}

} // namespace dermdesk
