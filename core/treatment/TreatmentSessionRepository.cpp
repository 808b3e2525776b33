#include "TreatmentSessionRepository.h"

#include "IntervalWindow.h"
#include "calendar/AppointmentRepository.h"
#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::TreatmentSessionRepository");

PlanSession placeholder(int sequence)
{
    PlanSession session;
    session.sequence = sequence;
    return session;
}

QJsonObject recordJson(const SessionRecord &record)
{
    QJsonArray areas;
    for (const SessionArea &area : record.areas)
        areas.append(QJsonObject{{QStringLiteral("area"), area.area}, {QStringLiteral("depth_mm"), area.depthMm}});
    return {{QStringLiteral("practitioner_id"),
             record.practitionerId ? QJsonValue(*record.practitionerId) : QJsonValue()},
            {QStringLiteral("device"), record.device},
            {QStringLiteral("cartridge_lot"), record.cartridgeLot},
            {QStringLiteral("numbing"), record.numbing},
            {QStringLiteral("products"), record.products},
            {QStringLiteral("reaction"), SessionRecord::reactionCode(record.reaction)},
            {QStringLiteral("notes"), record.notes},
            {QStringLiteral("areas"), areas}};
}

} // namespace

TreatmentSessionRepository::TreatmentSessionRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<PlanSession>> TreatmentSessionRepository::sessions(const TreatmentPlan &plan, const ClinicTime &time) const
{
    // Kept prepared: the course dialog reads the sessions again at every proposal.
    Statement statement(m_database,
                        QStringLiteral("SELECT id, sequence_no, appointment_id, coalesce(practitioner_id, 0), "
                                       "performed_at, interval_override_reason FROM treatment_session "
                                       "WHERE plan_id = ? ORDER BY sequence_no"));
    QSqlQuery &query = *statement;
    query.setForwardOnly(true);
    query.addBindValue(plan.id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the plan's sessions"));
    QList<PlanSession> stored;
    QList<std::optional<qint64>> performedAt;
    QList<qint64> appointmentIds;
    while (query.next()) {
        PlanSession session;
        session.sessionId = query.value(0).toLongLong();
        session.sequence = query.value(1).toInt();
        if (!query.value(2).isNull()) {
            session.appointmentId = query.value(2).toLongLong();
            appointmentIds.append(*session.appointmentId);
        }
        session.practitionerId = query.value(3).toLongLong();
        session.intervalOverrideReason = query.value(5).toString();
        performedAt.append(query.value(4).isNull() ? std::nullopt : std::optional(query.value(4).toLongLong()));
        stored.append(session);
    }
    auto appointments = AppointmentRepository(m_database, m_clock).facts(appointmentIds);
    if (!appointments)
        return appointments.error();

    QList<PlanSession> sessions;
    for (int sequence = 1; sequence <= plan.plannedSessions; ++sequence)
        sessions.append(placeholder(sequence));
    for (qsizetype i = 0; i < stored.size(); ++i) {
        PlanSession session = stored.at(i);
        std::optional<AppointmentFacts> appointment;
        if (session.appointmentId) {
            const auto found = appointments.value().constFind(*session.appointmentId);
            if (found != appointments.value().cend())
                appointment = *found;
        }
        if (appointment) {
            session.appointmentStatus = appointment->status;
            session.practitionerId = appointment->practitionerId;
            session.roomId = appointment->roomId;
        }
        session.performed = performedAt.at(i).has_value() || session.appointmentStatus == AppointmentStatus::Completed;
        if ((appointment && appointment->holdsSlot()) || session.performed) {
            if (appointment) {
                session.startsAt = appointment->startsAt;
                session.endsAt = appointment->endsAt;
            } else {
                session.startsAt = performedAt.at(i).value_or(0);
            }
            session.date = time.localDate(*session.startsAt);
        }
        while (sessions.size() < session.sequence)
            sessions.append(placeholder(int(sessions.size()) + 1));
        sessions[session.sequence - 1] = session;
    }
    IntervalWindow::judgeAll(sessions, plan.intervalMinWeeks, plan.intervalMaxWeeks);
    return sessions;
}

Result<std::optional<SessionRecord>> TreatmentSessionRepository::readRecord(const QString &where, qint64 key,
                                                                            std::optional<int> beforeSequence) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT s.id, s.plan_id, s.sequence_no, tp.planned_sessions, s.appointment_id, "
                                 "s.practitioner_id, s.performed_at, s.device, s.cartridge_lot, s.numbing, s.products, "
                                 "s.reaction, s.notes, s.recorded_at "
                                 "FROM treatment_session s JOIN treatment_plan tp ON tp.id = s.plan_id WHERE ")
                  + where);
    query.addBindValue(key);
    if (beforeSequence)
        query.addBindValue(*beforeSequence);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the session record"));
    if (!query.next())
        return std::optional<SessionRecord>();
    SessionRecord record;
    record.sessionId = query.value(0).toLongLong();
    record.planId = query.value(1).toLongLong();
    record.sequence = query.value(2).toInt();
    record.plannedSessions = query.value(3).toInt();
    if (!query.value(4).isNull())
        record.appointmentId = query.value(4).toLongLong();
    if (!query.value(5).isNull())
        record.practitionerId = query.value(5).toLongLong();
    if (!query.value(6).isNull())
        record.performedAt = query.value(6).toLongLong();
    record.device = query.value(7).toString();
    record.cartridgeLot = query.value(8).toString();
    record.numbing = query.value(9).toString();
    record.products = query.value(10).toString();
    record.reaction = SessionRecord::reactionFromCode(query.value(11).toString()).value_or(SkinReaction::Unrecorded);
    record.notes = query.value(12).toString();
    if (!query.value(13).isNull())
        record.recordedAt = query.value(13).toLongLong();

    QSqlQuery areas(m_database.connection());
    areas.prepare(QStringLiteral(
        "SELECT area, depth_mm FROM treatment_session_area WHERE session_id = ? ORDER BY position, area"));
    areas.addBindValue(record.sessionId);
    if (!areas.exec())
        return sqlError(areas.lastError(), tr("Reading the session's areas"));
    while (areas.next())
        record.areas.append({areas.value(0).toString(), areas.value(1).toDouble()});
    return std::optional<SessionRecord>(record);
}

Result<std::optional<SessionRecord>> TreatmentSessionRepository::forAppointment(qint64 appointmentId) const
{
    return readRecord(QStringLiteral("s.appointment_id = ?"), appointmentId);
}

Result<std::optional<SessionRecord>> TreatmentSessionRepository::previousRecord(qint64 planId, int sequence) const
{
    return readRecord(QStringLiteral("s.plan_id = ? AND s.sequence_no < ? "
                                     "AND (s.recorded_at IS NOT NULL OR s.performed_at IS NOT NULL) "
                                     "ORDER BY s.sequence_no DESC LIMIT 1"),
                      planId, sequence);
}

Status TreatmentSessionRepository::record(const SessionRecord &record)
{
    if (record.areas.isEmpty())
        return Error::invalidInput(QStringLiteral("areas"), tr("Record at least one treated area with its depth."));
    QStringList seen;
    for (const SessionArea &area : record.areas) {
        if (area.area.trimmed().isEmpty())
            return Error::invalidInput(QStringLiteral("areas"), tr("A treated area needs a name."));
        if (seen.contains(area.area.trimmed(), Qt::CaseInsensitive))
            return Error::invalidInput(QStringLiteral("areas"), tr("%1 is listed twice.").arg(area.area));
        seen.append(area.area.trimmed());
        if (Status s = TreatmentPlan::checkDepth(area.depthMm, area.area); !s)
            return s;
    }
    if (!record.practitionerId)
        return Error::invalidInput(QStringLiteral("practitioner"), tr("Say who performed the session."));
    for (const SessionArea &area : record.areas) {
        if (Status s = TextRules::check(area.area, QStringLiteral("areas"), TextRules::lineLength); !s)
            return s;
    }
    if (Status s =
            TextRules::check({{record.device, QStringLiteral("device"), TextRules::lineLength},
                              {record.cartridgeLot, QStringLiteral("cartridge_lot"), TextRules::lineLength},
                              {record.numbing, QStringLiteral("numbing"), TextRules::lineLength},
                              {record.products, QStringLiteral("products"), TextRules::lineLength},
                              {record.notes, QStringLiteral("notes"), TextRules::notesLength, TextRules::Lines::Many}});
        !s)
        return s;

    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto before = readRecord(QStringLiteral("s.id = ?"), record.sessionId);
    if (!before)
        return before.error();
    if (!before.value())
        return Error::notFound(QStringLiteral("treatment_session"),
                               tr("There is no treatment session %1.").arg(record.sessionId));
    std::optional<qint64> startsAt;
    if (before.value()->appointmentId) {
        auto appointment = AppointmentRepository(m_database, m_clock).find(*before.value()->appointmentId);
        if (!appointment)
            return appointment.error();
        const AppointmentStatus status = appointment.value().status;
        if (!appointment_status::holdsSlot(status)) {
            return Error::rule(QStringLiteral("session.cancelled"),
                               tr("Session %1's appointment was %2; a session can be recorded only on an "
                                  "appointment that took place.")
                                   .arg(before.value()->sequence)
                                   .arg(status == AppointmentStatus::NoShow ? tr("a no-show") : tr("cancelled")));
        }
        startsAt = appointment.value().startsAt;
        if (*startsAt > m_clock.now().toSecsSinceEpoch())
            return Error::rule(QStringLiteral("session.not_started"),
                               tr("Session %1 has not started yet; record it after treating.")
                                   .arg(before.value()->sequence));
    }
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "UPDATE treatment_session SET practitioner_id = ?, performed_at = coalesce(performed_at, ?), device = ?, "
        "cartridge_lot = ?, numbing = ?, products = ?, reaction = ?, notes = ?, recorded_at = ? WHERE id = ?"));
    query.addBindValue(*record.practitionerId);
    query.addBindValue(record.performedAt.value_or(startsAt.value_or(now)));
    query.addBindValue(sqlText(record.device.trimmed()));
    query.addBindValue(sqlText(record.cartridgeLot.trimmed()));
    query.addBindValue(sqlText(record.numbing.trimmed()));
    query.addBindValue(sqlText(record.products.trimmed()));
    query.addBindValue(sqlText(SessionRecord::reactionCode(record.reaction)));
    query.addBindValue(sqlText(record.notes.trimmed()));
    query.addBindValue(now);
    query.addBindValue(record.sessionId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Saving the session record"));
    query.prepare(QStringLiteral("DELETE FROM treatment_session_area WHERE session_id = ?"));
    query.addBindValue(record.sessionId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Saving the session's areas"));
    query.prepare(QStringLiteral(
        "INSERT INTO treatment_session_area (session_id, area, depth_mm, position) VALUES (?, ?, ?, ?)"));
    int position = 0;
    for (const SessionArea &area : record.areas) {
        query.addBindValue(record.sessionId);
        query.addBindValue(area.area.trimmed());
        query.addBindValue(area.depthMm);
        query.addBindValue(++position);
        if (!query.exec())
            return sqlError(query.lastError(), tr("Saving the session's areas"));
    }
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("record"), QStringLiteral("treatment_session"), record.sessionId,
                               {{QStringLiteral("before"), recordJson(*before.value())},
                                {QStringLiteral("after"), recordJson(record)}});
        !s)
        return s;
    return transaction.commit();
}

Status TreatmentSessionRepository::linkBooked(qint64 planId, int sequence, qint64 appointmentId, qint64 practitionerId,
                                              const QString &intervalOverrideReason) const
{
    if (Status s = TextRules::check(intervalOverrideReason, QStringLiteral("interval_override_reason"),
                                    TextRules::reasonLength);
        !s)
        return s;
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT id, appointment_id FROM treatment_session WHERE plan_id = ? AND sequence_no = ?"));
    query.addBindValue(planId);
    query.addBindValue(sequence);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the plan's sessions"));
    qint64 sessionId = 0;
    QJsonObject details{{QStringLiteral("plan_id"), planId},
                        {QStringLiteral("sequence"), sequence},
                        {QStringLiteral("appointment_id"), appointmentId}};
    if (query.next()) {
        sessionId = query.value(0).toLongLong();
        if (!query.value(1).isNull())
            details.insert(QStringLiteral("previous_appointment_id"), query.value(1).toLongLong());
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE treatment_session SET appointment_id = ?, practitioner_id = ?, "
                                      "interval_override_reason = ? WHERE id = ?"));
        update.addBindValue(appointmentId);
        update.addBindValue(practitionerId);
        update.addBindValue(sqlText(intervalOverrideReason.trimmed()));
        update.addBindValue(sessionId);
        if (!update.exec())
            return sqlError(update.lastError(), tr("Linking the session to its appointment"));
    } else {
        QSqlQuery insert(m_database.connection());
        insert.prepare(
            QStringLiteral("INSERT INTO treatment_session (plan_id, appointment_id, sequence_no, "
                           "practitioner_id, interval_override_reason, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(planId);
        insert.addBindValue(appointmentId);
        insert.addBindValue(sequence);
        insert.addBindValue(practitionerId);
        insert.addBindValue(sqlText(intervalOverrideReason.trimmed()));
        insert.addBindValue(m_clock.now().toSecsSinceEpoch());
        const Result<qint64> inserted = m_database.engine().insert(insert, tr("Saving the session"));
        if (!inserted)
            return inserted.error();
        sessionId = inserted.value();
    }
    if (!intervalOverrideReason.trimmed().isEmpty())
        details.insert(QStringLiteral("interval_override_reason"), intervalOverrideReason.trimmed());
    return AuditLog(m_database, m_clock)
        .record(QStringLiteral("book"), QStringLiteral("treatment_session"), sessionId, details);
}

Status TreatmentSessionRepository::recordIntervalOverride(qint64 sessionId, qint64 appointmentId, qint64 startsAt,
                                                          const QString &reason) const
{
    if (Status s = TextRules::check(reason, QStringLiteral("interval_override_reason"), TextRules::reasonLength); !s)
        return s;
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE treatment_session SET interval_override_reason = ? WHERE id = ?"));
    update.addBindValue(sqlText(reason.trimmed()));
    update.addBindValue(sessionId);
    if (!update.exec())
        return sqlError(update.lastError(), tr("Saving the reason for the early session"));
    if (update.numRowsAffected() != 1)
        return Error::notFound(QStringLiteral("treatment_session"), tr("The plan session no longer exists."));
    return AuditLog(m_database, m_clock)
        .record(reason.trimmed().isEmpty() ? QStringLiteral("interval_override_cleared")
                                           : QStringLiteral("interval_override"),
                QStringLiteral("treatment_session"), sessionId,
                {{QStringLiteral("appointment_id"), appointmentId},
                 {QStringLiteral("starts_at"), startsAt},
                 {QStringLiteral("interval_override_reason"), reason.trimmed()}});
}

} // namespace dermdesk
