#include "ClinicRepository.h"

#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ClinicRepository");

// InvalidInput naming `field` unless every id in `typeIds` is an appointment type; inside the caller's transaction.
Status checkTypesExist(QSqlQuery &query, const QList<qint64> &typeIds, const QString &field)
{
    query.prepare(QStringLiteral("SELECT 1 FROM appointment_type WHERE id = ?"));
    for (qint64 typeId : typeIds) {
        query.addBindValue(typeId);
        if (!query.exec())
            return sqlError(query.lastError(), tr("Reading the appointment types"));
        if (!query.next())
            return Error::invalidInput(field, tr("There is no appointment type %1.").arg(typeId));
    }
    return {};
}

// InvalidInput naming "name" when another row of `table` (not `id`) already has this name.
Status checkNameFree(QSqlQuery &query, const QString &table, const QString &column, const QString &name, qint64 id,
                     const QString &message)
{
    query.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? AND id <> ?").arg(table, column));
    query.addBindValue(name);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Checking the name"));
    if (query.next())
        return Error::invalidInput(QStringLiteral("name"), message.arg(name));
    return {};
}

// Replaces the rows of a child table that belong to `ownerId`, inside the caller's transaction.
Status replaceHours(QSqlQuery &query, const QString &table, const QString &ownerColumn, qint64 ownerId,
                    const QString &startColumn, const QString &endColumn, const QList<WeeklyHours> &hours)
{
    const QString what = tr("Saving hours");
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, ownerColumn));
    query.addBindValue(ownerId);
    if (!query.exec())
        return sqlError(query.lastError(), what);
    query.prepare(QStringLiteral("INSERT INTO %1 (%2, weekday, %3, %4) VALUES (?, ?, ?, ?)")
                      .arg(table, ownerColumn, startColumn, endColumn));
    for (const WeeklyHours &span : hours) {
        query.addBindValue(ownerId);
        query.addBindValue(span.weekday);
        query.addBindValue(span.startMin);
        query.addBindValue(span.endMin);
        if (!query.exec())
            return sqlError(query.lastError(), what);
    }
    return {};
}

Status replaceTypeLinks(QSqlQuery &query, const QString &table, const QString &ownerColumn, qint64 ownerId,
                        const QList<qint64> &typeIds)
{
    const QString what = tr("Saving appointment types");
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, ownerColumn));
    query.addBindValue(ownerId);
    if (!query.exec())
        return sqlError(query.lastError(), what);
    query.prepare(QStringLiteral("INSERT INTO %1 (%2, type_id) VALUES (?, ?)").arg(table, ownerColumn));
    for (qint64 typeId : typeIds) {
        query.addBindValue(ownerId);
        query.addBindValue(typeId);
        if (!query.exec())
            return sqlError(query.lastError(), what);
    }
    return {};
}

QHash<qint64, QList<qint64>> typeLinks(QSqlQuery &query, const QString &table, const QString &ownerColumn, bool &ok)
{
    QHash<qint64, QList<qint64>> links;
    ok = query.exec(QStringLiteral("SELECT %1, type_id FROM %2 ORDER BY type_id").arg(ownerColumn, table));
    while (ok && query.next())
        links[query.value(0).toLongLong()].append(query.value(1).toLongLong());
    return links;
}

// Audit details: what the row holds after the change, so the audit trail answers "who changed these hours".
QJsonArray hoursJson(const QList<WeeklyHours> &hours)
{
    QJsonArray spans;
    for (const WeeklyHours &span : hours)
        spans.append(QJsonArray{span.weekday, span.startMin, span.endMin});
    return spans;
}

QJsonArray idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

} // namespace

ClinicRepository::ClinicRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<std::optional<ClinicSettings>> ClinicRepository::settings() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT name, address, phone, email, time_zone, slot_minutes, default_sessions, "
                                   "screening_max_age_days, default_interval_min_weeks, default_interval_max_weeks, "
                                   "recall_horizon_days, consent_form_version, unscreened_policy, paper_size "
                                   "FROM clinic_settings WHERE id = 1")))
        return sqlError(query.lastError(), tr("Reading the clinic settings"));
    if (!query.next())
        return std::optional<ClinicSettings>();
    ClinicSettings settings;
    settings.name = query.value(0).toString();
    settings.address = query.value(1).toString();
    settings.phone = query.value(2).toString();
    settings.email = query.value(3).toString();
    settings.timeZone = query.value(4).toString().toUtf8();
    settings.slotMinutes = query.value(5).toInt();
    settings.defaultSessions = query.value(6).toInt();
    settings.screeningMaxAgeDays = query.value(7).toInt();
    settings.defaultIntervalMinWeeks = query.value(8).toInt();
    settings.defaultIntervalMaxWeeks = query.value(9).toInt();
    settings.recallHorizonDays = query.value(10).toInt();
    settings.consentFormVersion = query.value(11).toString();
    settings.unscreenedPolicy = query.value(12).toString() == QLatin1String("stop")
                                    ? ClinicSettings::UnscreenedPolicy::Stop
                                    : ClinicSettings::UnscreenedPolicy::Caution;
    settings.paperSize = paperSizeFromCode(query.value(13).toString());
    if (!query.exec(
            QStringLiteral("SELECT weekday, opens_min, closes_min FROM opening_hours ORDER BY weekday, opens_min")))
        return sqlError(query.lastError(), tr("Reading the opening hours"));
    while (query.next())
        settings.openingHours.append({query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt()});
    return std::optional<ClinicSettings>(settings);
}

QTimeZone ClinicRepository::timeZone() const
{
    // The one column, not the whole settings row with its opening hours: screening reads it per booking.
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT time_zone FROM clinic_settings WHERE id = 1")) && query.next()) {
        const QTimeZone zone(query.value(0).toByteArray());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::utc();
}

Status ClinicRepository::saveSettings(const ClinicSettings &settings)
{
    if (Status valid = validate(settings); !valid)
        return valid;
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO clinic_settings (id, name, address, phone, email, time_zone, slot_minutes, default_sessions, "
        "screening_max_age_days, default_interval_min_weeks, default_interval_max_weeks, recall_horizon_days, "
        "consent_form_version, unscreened_policy, paper_size, created_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone, "
        "email = excluded.email, time_zone = excluded.time_zone, slot_minutes = excluded.slot_minutes, "
        "default_sessions = excluded.default_sessions, screening_max_age_days = excluded.screening_max_age_days, "
        "default_interval_min_weeks = excluded.default_interval_min_weeks, "
        "default_interval_max_weeks = excluded.default_interval_max_weeks, "
        "recall_horizon_days = excluded.recall_horizon_days, consent_form_version = excluded.consent_form_version, "
        "unscreened_policy = excluded.unscreened_policy, paper_size = excluded.paper_size"));
    query.addBindValue(settings.name.trimmed());
    query.addBindValue(sqlText(settings.address));
    query.addBindValue(sqlText(settings.phone));
    query.addBindValue(sqlText(settings.email));
    query.addBindValue(QString::fromUtf8(settings.timeZone));
    query.addBindValue(settings.slotMinutes);
    query.addBindValue(settings.defaultSessions);
    query.addBindValue(settings.screeningMaxAgeDays);
    query.addBindValue(settings.defaultIntervalMinWeeks);
    query.addBindValue(settings.defaultIntervalMaxWeeks);
    query.addBindValue(settings.recallHorizonDays);
    query.addBindValue(sqlText(settings.consentFormVersion.trimmed()));
    query.addBindValue(unscreenedPolicyCode(settings.unscreenedPolicy));
    query.addBindValue(paperSizeCode(settings.paperSize));
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    if (!query.exec())
        return sqlError(query.lastError(), tr("Saving the clinic settings"));
    if (!query.exec(QStringLiteral("DELETE FROM opening_hours")))
        return sqlError(query.lastError(), tr("Saving the opening hours"));
    query.prepare(QStringLiteral("INSERT INTO opening_hours (weekday, opens_min, closes_min) VALUES (?, ?, ?)"));
    for (const WeeklyHours &span : settings.openingHours) {
        query.addBindValue(span.weekday);
        query.addBindValue(span.startMin);
        query.addBindValue(span.endMin);
        if (!query.exec())
            return sqlError(query.lastError(), tr("Saving the opening hours"));
    }
    const QJsonObject
        details{{QStringLiteral("name"), settings.name},
                {QStringLiteral("time_zone"), QString::fromUtf8(settings.timeZone)},
                {QStringLiteral("slot_minutes"), settings.slotMinutes},
                {QStringLiteral("screening_max_age_days"), settings.screeningMaxAgeDays},
                {QStringLiteral("default_sessions"), settings.defaultSessions},
                {QStringLiteral("default_interval_weeks"),
                 QStringLiteral("%1-%2").arg(settings.defaultIntervalMinWeeks).arg(settings.defaultIntervalMaxWeeks)},
                {QStringLiteral("recall_horizon_days"), settings.recallHorizonDays},
                {QStringLiteral("consent_form_version"), settings.consentFormVersion.trimmed()},
                {QStringLiteral("unscreened_policy"), unscreenedPolicyCode(settings.unscreenedPolicy)},
                {QStringLiteral("paper_size"), paperSizeCode(settings.paperSize)},
                {QStringLiteral("opening_hours"), hoursJson(settings.openingHours)}};
    if (Status audited = AuditLog(m_database, m_clock)
                             .record(QStringLiteral("update"), QStringLiteral("clinic_settings"), 1, details);
        !audited)
        return audited;
    return transaction.commit();
}

Result<QList<Practitioner>> ClinicRepository::practitioners(bool includeInactive) const
{
    QSqlQuery query(m_database.connection());
    const QString what = tr("Reading the practitioners");
    if (!query.exec(QStringLiteral("SELECT id, display_name, title, colour, active, sort_order FROM practitioner %1 "
                                   "ORDER BY sort_order, display_name, id")
                        .arg(includeInactive ? QString() : QStringLiteral("WHERE active = 1"))))
        return sqlError(query.lastError(), what);
    QList<Practitioner> result;
    QHash<qint64, qsizetype> index;
    while (query.next()) {
        Practitioner p;
        p.id = query.value(0).toLongLong();
        p.displayName = query.value(1).toString();
        p.title = query.value(2).toString();
        p.colour = query.value(3).toString();
        p.active = query.value(4).toBool();
        p.sortOrder = query.value(5).toInt();
        index.insert(p.id, result.size());
        result.append(p);
    }
    if (!query.exec(QStringLiteral("SELECT practitioner_id, weekday, starts_min, ends_min FROM practitioner_hours "
                                   "ORDER BY practitioner_id, weekday, starts_min")))
        return sqlError(query.lastError(), what);
    while (query.next()) {
        const auto found = index.constFind(query.value(0).toLongLong());
        if (found != index.constEnd())
            result[*found].hours.append({query.value(1).toInt(), query.value(2).toInt(), query.value(3).toInt()});
    }
    bool ok = false;
    const auto links = typeLinks(query, QStringLiteral("practitioner_type"), QStringLiteral("practitioner_id"), ok);
    if (!ok)
        return sqlError(query.lastError(), what);
    for (Practitioner &p : result)
        p.typeIds = links.value(p.id);
    return result;
}

Result<QList<Room>> ClinicRepository::rooms(bool includeInactive) const
{
    QSqlQuery query(m_database.connection());
    const QString what = tr("Reading the rooms");
    if (!query.exec(QStringLiteral("SELECT id, name, active, sort_order FROM room %1 ORDER BY sort_order, name, id")
                        .arg(includeInactive ? QString() : QStringLiteral("WHERE active = 1"))))
        return sqlError(query.lastError(), what);
    QList<Room> result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(),
                       query.value(1).toString(),
                       query.value(2).toBool(),
                       query.value(3).toInt(),
                       {}});
    }
    bool ok = false;
    const auto links = typeLinks(query, QStringLiteral("room_type"), QStringLiteral("room_id"), ok);
    if (!ok)
        return sqlError(query.lastError(), what);
    for (Room &room : result)
        room.typeIds = links.value(room.id);
    return result;
}

Result<QList<AppointmentType>> ClinicRepository::appointmentTypes(bool includeInactive) const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, name, duration_min, prep_min, cleanup_min, colour, is_treatment, "
                                   "needs_room, active, sort_order FROM appointment_type %1 "
                                   "ORDER BY sort_order, name, id")
                        .arg(includeInactive ? QString() : QStringLiteral("WHERE active = 1"))))
        return sqlError(query.lastError(), tr("Reading the appointment types"));
    QList<AppointmentType> result;
    while (query.next()) {
        AppointmentType type;
        type.id = query.value(0).toLongLong();
        type.name = query.value(1).toString();
        type.durationMin = query.value(2).toInt();
        type.prepMin = query.value(3).toInt();
        type.cleanupMin = query.value(4).toInt();
        type.colour = query.value(5).toString();
        type.isTreatment = query.value(6).toBool();
        type.needsRoom = query.value(7).toBool();
        type.active = query.value(8).toBool();
        type.sortOrder = query.value(9).toInt();
        result.append(type);
    }
    return result;
}

Result<qint64> ClinicRepository::savePractitioner(const Practitioner &practitioner)
{
    if (Status valid = validate(practitioner); !valid)
        return valid.error();
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(m_database.connection());
    if (Status s = checkTypesExist(query, practitioner.typeIds, QStringLiteral("types")); !s)
        return s.error();
    if (practitioner.id == 0) {
        query.prepare(QStringLiteral(
            "INSERT INTO practitioner (display_name, title, colour, active, sort_order) VALUES (?, ?, ?, ?, ?)"));
    } else {
        query.prepare(QStringLiteral("UPDATE practitioner SET display_name = ?, title = ?, colour = ?, active = ?, "
                                     "sort_order = ? WHERE id = ?"));
    }
    query.addBindValue(practitioner.displayName.trimmed());
    query.addBindValue(sqlText(practitioner.title));
    query.addBindValue(practitioner.colour);
    query.addBindValue(practitioner.active ? 1 : 0);
    query.addBindValue(practitioner.sortOrder);
    if (practitioner.id != 0)
        query.addBindValue(practitioner.id);
    const Result<qint64> saved = m_database.engine().save(query, practitioner.id, tr("Saving the practitioner"));
    if (!saved)
        return saved.error();
    if (practitioner.id != 0 && query.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("practitioner"), tr("There is no practitioner %1.").arg(practitioner.id));
    const qint64 id = saved.value();
    if (Status s = replaceHours(query, QStringLiteral("practitioner_hours"), QStringLiteral("practitioner_id"), id,
                                QStringLiteral("starts_min"), QStringLiteral("ends_min"), practitioner.hours);
        !s)
        return s.error();
    if (Status s = replaceTypeLinks(query, QStringLiteral("practitioner_type"), QStringLiteral("practitioner_id"), id,
                                    practitioner.typeIds);
        !s)
        return s.error();
    if (Status s = AuditLog(m_database, m_clock)
                       .record(practitioner.id == 0 ? QStringLiteral("create") : QStringLiteral("update"),
                               QStringLiteral("practitioner"), id,
                               {{QStringLiteral("display_name"), practitioner.displayName},
                                {QStringLiteral("active"), practitioner.active},
                                {QStringLiteral("title"), practitioner.title},
                                {QStringLiteral("colour"), practitioner.colour},
                                {QStringLiteral("hours"), hoursJson(practitioner.hours)},
                                {QStringLiteral("type_ids"), idsJson(practitioner.typeIds)}});
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Result<qint64> ClinicRepository::saveRoom(const Room &room)
{
    if (Status s = TextRules::check(room.name, QStringLiteral("name"), TextRules::nameLength); !s)
        return s.error();
    if (room.name.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("name"), tr("The room needs a name."));
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(m_database.connection());
    if (Status s = checkNameFree(query, QStringLiteral("room"), QStringLiteral("name"), room.name.trimmed(), room.id,
                                 tr("Another room is already called \"%1\"."));
        !s)
        return s.error();
    if (Status s = checkTypesExist(query, room.typeIds, QStringLiteral("types")); !s)
        return s.error();
    if (room.id == 0) {
        query.prepare(QStringLiteral("INSERT INTO room (name, active, sort_order) VALUES (?, ?, ?)"));
    } else {
        query.prepare(QStringLiteral("UPDATE room SET name = ?, active = ?, sort_order = ? WHERE id = ?"));
    }
    query.addBindValue(room.name.trimmed());
    query.addBindValue(room.active ? 1 : 0);
    query.addBindValue(room.sortOrder);
    if (room.id != 0)
        query.addBindValue(room.id);
    const Result<qint64> saved = m_database.engine().save(query, room.id, tr("Saving the room"));
    if (!saved)
        return saved.error();
    if (room.id != 0 && query.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("room"), tr("There is no room %1.").arg(room.id));
    const qint64 id = saved.value();
    if (Status s = replaceTypeLinks(query, QStringLiteral("room_type"), QStringLiteral("room_id"), id, room.typeIds);
        !s)
        return s.error();
    if (Status s =
            AuditLog(m_database, m_clock)
                .record(room.id == 0 ? QStringLiteral("create") : QStringLiteral("update"), QStringLiteral("room"), id,
                        {{QStringLiteral("name"), room.name},
                         {QStringLiteral("active"), room.active},
                         {QStringLiteral("type_ids"), idsJson(room.typeIds)}});
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Result<qint64> ClinicRepository::saveAppointmentType(const AppointmentType &type)
{
    if (Status valid = validate(type); !valid)
        return valid.error();
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(m_database.connection());
    if (Status s = checkNameFree(query, QStringLiteral("appointment_type"), QStringLiteral("name"), type.name.trimmed(),
                                 type.id, tr("Another appointment type is already called \"%1\"."));
        !s)
        return s.error();
    if (type.id == 0) {
        query.prepare(
            QStringLiteral("INSERT INTO appointment_type (name, duration_min, prep_min, cleanup_min, colour, "
                           "is_treatment, needs_room, active, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    } else {
        query.prepare(
            QStringLiteral("UPDATE appointment_type SET name = ?, duration_min = ?, prep_min = ?, cleanup_min = ?, "
                           "colour = ?, is_treatment = ?, needs_room = ?, active = ?, sort_order = ? WHERE id = ?"));
    }
    query.addBindValue(type.name.trimmed());
    query.addBindValue(type.durationMin);
    query.addBindValue(type.prepMin);
    query.addBindValue(type.cleanupMin);
    query.addBindValue(type.colour);
    query.addBindValue(type.isTreatment ? 1 : 0);
    query.addBindValue(type.needsRoom ? 1 : 0);
    query.addBindValue(type.active ? 1 : 0);
    query.addBindValue(type.sortOrder);
    if (type.id != 0)
        query.addBindValue(type.id);
    const Result<qint64> saved = m_database.engine().save(query, type.id, tr("Saving the appointment type"));
    if (!saved)
        return saved.error();
    if (type.id != 0 && query.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("appointment_type"), tr("There is no appointment type %1.").arg(type.id));
    const qint64 id = saved.value();
    if (Status s = AuditLog(m_database, m_clock)
                       .record(type.id == 0 ? QStringLiteral("create") : QStringLiteral("update"),
                               QStringLiteral("appointment_type"), id,
                               {{QStringLiteral("name"), type.name},
                                {QStringLiteral("duration_min"), type.durationMin},
                                {QStringLiteral("prep_min"), type.prepMin},
                                {QStringLiteral("cleanup_min"), type.cleanupMin},
                                {QStringLiteral("colour"), type.colour},
                                {QStringLiteral("is_treatment"), type.isTreatment},
                                {QStringLiteral("needs_room"), type.needsRoom},
                                {QStringLiteral("active"), type.active}});
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

} // namespace dermdesk
