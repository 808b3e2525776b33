#include "ChangeReader.h"

#include "calendar/AppointmentRepository.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Statement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ChangeReader");

// More audit rows than this since the last look: reload everything rather than follow each.
constexpr int rowsFollowedOneByOne = 2000;

// The audit entities whose rows describe the clinic's set-up rather than its patients and schedule.
bool isDataEntity(const QString &entity)
{
    static const QStringList data{QStringLiteral("appointment"),    QStringLiteral("patient"),
                                  QStringLiteral("treatment_plan"), QStringLiteral("treatment_session"),
                                  QStringLiteral("waitlist_entry"), QStringLiteral("blockout"),
                                  QStringLiteral("clinic")};
    return data.contains(entity);
}

// Collects the ids a row's details name ("patient_id", "plan_id", "appointment_ids", ... at any depth) and the
// spans of any appointment state it holds ("starts_at"/"ends_at", as in the "before"/"after" objects).
void scanDetails(const QJsonObject &object, ChangeSet &changes, QSet<qint64> &appointments)
{
    const auto idOf = [](const QJsonValue &value) { return value.toVariant().toLongLong(); };
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (value.isObject()) {
            scanDetails(value.toObject(), changes, appointments);
        } else if (value.isArray()) {
            if (key == QLatin1String("appointment_ids")) {
                for (const QJsonValue &id : value.toArray())
                    appointments.insert(idOf(id));
            }
        } else if (key == QLatin1String("patient_id") || key == QLatin1String("survivor_id")
                   || key == QLatin1String("merged_id")) {
            if (idOf(value) > 0)
                changes.patients.insert(idOf(value));
        } else if (key == QLatin1String("plan_id")) {
            if (idOf(value) > 0)
                changes.plans.insert(idOf(value));
        } else if (key == QLatin1String("appointment_id")) {
            if (idOf(value) > 0)
                appointments.insert(idOf(value));
        }
    }
    if (object.contains(QLatin1String("starts_at")) && object.contains(QLatin1String("ends_at"))) {
        const qint64 start = idOf(object.value(QLatin1String("starts_at")));
        const qint64 end =
            idOf(object.value(QLatin1String("ends_at"))) + 60 * idOf(object.value(QLatin1String("cleanup_min")));
        const ChangeSet::Span span{start, end};
        if (end > start && !changes.spans.contains(span))
            changes.spans.append(span);
    }
}

} // namespace

ChangeReader::ChangeReader(const Database &database)
    : m_database(database)
{
}

Result<qint64> ChangeReader::newestId() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit_log")) || !query.next())
        return sqlError(query.lastError(), tr("Reading the audit log"));
    return query.value(0).toLongLong();
}

Result<ChangeSet> ChangeReader::changesAfter(qint64 afterId, qint64 *newestId) const
{
    *newestId = afterId;
    Statement kept(m_database, QStringLiteral("SELECT id, entity, entity_id, details FROM audit_log WHERE id > ? "
                                              "ORDER BY id LIMIT %1")
                                   .arg(rowsFollowedOneByOne + 1));
    QSqlQuery &query = *kept;
    query.setForwardOnly(true);
    query.addBindValue(afterId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the audit log"));

    ChangeSet changes;
    QSet<qint64> appointments;
    int rows = 0;
    while (query.next()) {
        ++rows;
        *newestId = query.value(0).toLongLong();
        const QString entity = query.value(1).toString();
        const qint64 entityId = query.value(2).toLongLong();
        if (entity == QLatin1String("appointment"))
            appointments.insert(entityId);
        else if (entity == QLatin1String("patient"))
            changes.patients.insert(entityId);
        else if (entity == QLatin1String("treatment_plan"))
            changes.plans.insert(entityId);
        else if (entity == QLatin1String("waitlist_entry"))
            changes.waitlistEntries.insert(entityId);
        else if (entity == QLatin1String("blockout"))
            changes.blockouts = true;
        else if (entity == QLatin1String("clinic"))
            changes.everything = true;
        else if (!isDataEntity(entity))
            changes.setup = true;
        const QByteArray details = query.value(3).toByteArray();
        if (!details.isEmpty())
            scanDetails(QJsonDocument::fromJson(details).object(), changes, appointments);
    }
    if (rows > rowsFollowedOneByOne) {
        QSqlQuery newest(m_database.connection());
        if (newest.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit_log")) && newest.next())
            *newestId = newest.value(0).toLongLong();
        ChangeSet all;
        all.everything = true;
        return all;
    }

    // Where each changed appointment lies now, and whose it is (a status change's row names neither).
    AppointmentRepository appointmentRows(m_database);
    for (const qint64 id : std::as_const(appointments)) {
        if (id <= 0)
            continue;
        changes.appointments.insert(id);
        const Result<Appointment> now = appointmentRows.find(id);
        if (!now)
            continue;
        changes.patients.insert(now.value().patientId);
        const ChangeSet::Span span{now.value().startsAt, now.value().busyUntil()};
        if (!changes.spans.contains(span))
            changes.spans.append(span);
    }
    return changes;
}

} // namespace dermdesk
