#include "AgendaRepository.h"

#include "agenda/PlanSessionMarker.h"
#include "patients/PatientSummary.h"
#include "storage/Database.h"
#include "storage/RowCursor.h"
#include "storage/SqlError.h"
#include "storage/Statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace dermdesk {

namespace {

// Columns 12-17 of scheduleStatement() for a plan session.
PlanSessionFacts planSessionFacts(const RowCursor &row)
{
    PlanSessionFacts facts;
    facts.sequence = int(row.integer(12));
    facts.planned = int(row.integer(13));
    facts.minWeeks = int(row.integer(14));
    facts.maxWeeks = int(row.integer(15));
    facts.overridden = row.integer(16) != 0;
    if (!row.isNull(17))
        facts.previousAt = row.integer(17);
    return facts;
}

} // namespace

AgendaRepository::AgendaRepository(const Database &database)
    : m_database(database)
{
}

Result<QList<AgendaEntry>> AgendaRepository::between(const ClinicTime::Range &range,
                                                     std::optional<qint64> practitionerId) const
{
    const QString practitionerFilter =
        practitionerId ? QStringLiteral("AND a.practitioner_id = :practitioner ") : QString();
    Statement
        kept(m_database,
             QStringLiteral(
                 "SELECT a.id, a.starts_at, a.ends_at, a.prep_min, a.status, a.patient_id, a.patient_given_name, "
                 "a.patient_family_name, a.patient_preferred_name, a.practitioner_id, pr.display_name, pr.colour, "
                 "a.type_id, t.name, t.colour, r.name, a.notes, a.room_id "
                 "FROM appointment a "
                 "JOIN practitioner pr ON pr.id = a.practitioner_id "
                 "JOIN appointment_type t ON t.id = a.type_id "
                 "LEFT JOIN room r ON r.id = a.room_id "
                 "WHERE a.starts_at >= :from AND a.starts_at < :to %1"
                 "ORDER BY a.starts_at, pr.sort_order, pr.display_name, a.id")
                 .arg(practitionerFilter));
    QSqlQuery &query = *kept;
    query.setForwardOnly(true);
    query.bindValue(QStringLiteral(":from"), range.from);
    query.bindValue(QStringLiteral(":to"), range.to);
    if (practitionerId)
        query.bindValue(QStringLiteral(":practitioner"), *practitionerId);
    if (!query.exec())
        return sqlError(query.lastError(),
                        QCoreApplication::translate("dermdesk::AgendaRepository", "Reading the appointments"));
    QList<AgendaEntry> entries;
    while (query.next()) {
        AgendaEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.startsAt = query.value(1).toLongLong();
        entry.endsAt = query.value(2).toLongLong();
        entry.prepMin = query.value(3).toInt();
        entry.status = appointment_status::fromStorage(query.value(4).toString()).value_or(AppointmentStatus::Booked);
        entry.patientId = query.value(5).toLongLong();
        entry.patientName =
            PatientSummary::fullName(query.value(6).toString(), query.value(7).toString(), query.value(8).toString());
        entry.practitionerId = query.value(9).toLongLong();
        entry.practitionerName = query.value(10).toString();
        entry.practitionerColour = query.value(11).toString();
        entry.typeId = query.value(12).toLongLong();
        entry.typeName = query.value(13).toString();
        entry.typeColour = query.value(14).toString();
        entry.roomName = query.value(15).toString();
        entry.roomId = query.value(17).toLongLong();
        entry.notes = query.value(16).toString();
        entries.append(entry);
    }
    return entries;
}

const char *AgendaRepository::scheduleStatement()
{
    // Columns 0-11: the appointment and its patient's names. Columns 12-17: for a treatment-plan session,
    // the facts its block is marked from. Columns 18-19: what decides whether the patient's screening is read. The
    // names, the marks and the screening facts are kept on the appointment row by the schema's triggers
    // (resources/sql/008_schedule_plan_marks.sql, 012_appointment_patient_names.sql,
    // 015_appointment_screening_facts.sql), so a week of blocks is one range of one table: no lookup of a patient
    // per block.
    return "SELECT a.id, a.starts_at, a.ends_at, a.prep_min, a.status, a.patient_id, "
           "a.patient_given_name, a.patient_family_name, a.patient_preferred_name, a.practitioner_id, a.type_id, "
           "a.room_id, a.plan_sequence, a.plan_sessions, a.plan_min_weeks, a.plan_max_weeks, a.plan_overridden, "
           "a.plan_previous_at, a.patient_screened_at, a.patient_screening_yes "
           "FROM appointment a "
           "WHERE a.starts_at >= ? AND a.starts_at < ? "
           "ORDER BY a.starts_at, a.id";
}

Result<QList<AgendaEntry>> AgendaRepository::forSchedule(const ClinicTime::Range &range,
                                                         const ScheduleSetup &setup) const
{
    RowCursor query(m_database, scheduleStatement());
    query.bind(1, range.from);
    query.bind(2, range.to);
    if (Status run = query.exec(QCoreApplication::translate("dermdesk::AgendaRepository", "Reading the appointments"));
        !run)
        return run.error();
    // Names and colours of the few practitioners, types and rooms, shared (implicitly) by every row.
    struct Names
    {
        QString name;
        QString colour;
    };
    QHash<qint64, Names> practitioners;
    for (const Practitioner &p : setup.practitioners())
        practitioners.insert(p.id, {p.displayName, p.colour});
    QHash<qint64, QString> rooms;
    for (const Room &r : setup.rooms())
        rooms.insert(r.id, r.name);
    QHash<qint64, Names> types;
    // Status codes as stored, compared as UTF-8 so a row's status costs no string.
    QList<std::pair<QByteArray, AppointmentStatus>> statusCodes;
    for (AppointmentStatus status : appointment_status::all())
        statusCodes.append({appointment_status::toStorage(status).toUtf8(), status});
    PlanSessionMarker planSessions(setup.time());

    QList<AgendaEntry> entries;
    entries.reserve(1024);
    while (query.next()) {
        AgendaEntry &entry = entries.emplace_back();
        entry.id = query.integer(0);
        entry.startsAt = query.integer(1);
        entry.endsAt = query.integer(2);
        entry.prepMin = int(query.integer(3));
        entry.status = AppointmentStatus::Booked;
        const QByteArrayView status = query.utf8(4);
        for (const auto &[code, value] : std::as_const(statusCodes)) {
            if (status == code)
                entry.status = value;
        }
        entry.patientId = query.integer(5);
        entry.patientName = PatientSummary::fullName(query.text(6), query.text(7), query.text(8));
        entry.practitionerId = query.integer(9);
        const Names &practitioner = practitioners[entry.practitionerId];
        entry.practitionerName = practitioner.name;
        entry.practitionerColour = practitioner.colour;
        entry.typeId = query.integer(10);
        auto type = types.find(entry.typeId);
        if (type == types.end()) {
            const AppointmentType *known = setup.type(entry.typeId);
            type = types.insert(entry.typeId, known ? Names{known->name, known->colour} : Names{});
        }
        entry.typeName = type->name;
        entry.typeColour = type->colour;
        entry.roomId = query.integer(11);
        if (entry.roomId)
            entry.roomName = rooms.value(entry.roomId);
        if (!query.isNull(12))
            planSessions.mark(entry, planSessionFacts(query));
        if (!query.isNull(18))
            entry.patientScreenedAt = query.integer(18);
        entry.patientScreeningYes = query.integer(19) != 0;
    }
    if (!query.status())
        return query.status().error();
    return entries;
}

} // namespace dermdesk
