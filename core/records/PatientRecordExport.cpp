#include "PatientRecordExport.h"

#include "calendar/AppointmentRepository.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlRows.h"
#include "storage/SqlValue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientRecordExport");

Result<QJsonArray> select(const Database &database, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient's record"));
    return sqlRowsAsJson(query);
}

// Groups `children` under `parents` as `key`, matching parent "id" to child `link`.
void nest(QJsonArray &parents, const QJsonArray &children, const QString &link, const QString &key)
{
    for (qsizetype i = 0; i < parents.size(); ++i) {
        QJsonObject parent = parents.at(i).toObject();
        QJsonArray own;
        for (const QJsonValue &child : children) {
            if (child.toObject().value(link).toInteger() == parent.value(QStringLiteral("id")).toInteger())
                own.append(child);
        }
        parent.insert(key, own);
        parents[i] = parent;
    }
}

} // namespace

PatientRecordExport::PatientRecordExport(const Database &database)
    : m_database(database)
{
}

Result<QJsonObject> PatientRecordExport::toJson(qint64 patientId) const
{
    const QVariantList id{patientId};
    auto patient = select(m_database, QStringLiteral("SELECT * FROM patient WHERE id = ?"), id);
    if (!patient)
        return patient.error();
    if (patient.value().isEmpty())
        return Error::notFound(QStringLiteral("patient"), tr("There is no patient %1.").arg(patientId));

    // The appointments with their history come from the calendar, which owns them.
    auto appointments = AppointmentRepository(m_database).recordOf(patientId);
    if (!appointments)
        return appointments.error();
    QVariantList auditValues{patientId};
    QString ofAppointments = QStringLiteral("1 = 0");
    if (!appointments.value().isEmpty()) {
        for (const QJsonValue &appointment : appointments.value())
            auditValues.append(appointment.toObject().value(QStringLiteral("id")).toInteger());
        ofAppointments =
            QStringLiteral("(entity = 'appointment' AND entity_id IN (%1))").arg(sqlMarks(auditValues.size() - 1));
    }
    auditValues << patientId << patientId;
    const QString ofPlans = QStringLiteral("SELECT id FROM treatment_plan WHERE patient_id = ?");
    const QString ofSessions = QStringLiteral("SELECT id FROM treatment_session WHERE plan_id IN (%1)").arg(ofPlans);
    const struct
    {
        const char *key;
        QString sql;
        QVariantList values;
    } parts[] = {
        {"screening",
         QStringLiteral("SELECT q.code AS question_code, q.question, a.answer, a.event_date, a.detail, a.answered_at, "
                        "a.recorded_by FROM screening_answer a JOIN screening_question q ON q.id = a.question_id "
                        "WHERE a.patient_id = ? ORDER BY a.answered_at, a.id"),
         id},
        {"treatment_plans", QStringLiteral("SELECT * FROM treatment_plan WHERE patient_id = ? ORDER BY id"), id},
        {"sessions",
         QStringLiteral("SELECT * FROM treatment_session WHERE plan_id IN (%1) ORDER BY plan_id, id").arg(ofPlans), id},
        {"waitlist", QStringLiteral("SELECT * FROM waitlist_entry WHERE patient_id = ? ORDER BY id"), id},
        {"handouts", QStringLiteral("SELECT * FROM handout_log WHERE patient_id = ? ORDER BY printed_at, id"), id},
        {"audit",
         QStringLiteral("SELECT id, at, actor, workstation, action, entity, entity_id, details FROM audit_log WHERE "
                        "(entity = 'patient' AND entity_id = ?) OR %1 "
                        "OR (entity = 'treatment_plan' AND entity_id IN (%2)) "
                        "OR (entity = 'treatment_session' AND entity_id IN (%3)) ORDER BY at, id")
             .arg(ofAppointments, ofPlans, ofSessions),
         auditValues},
    };
    QJsonObject record{{QStringLiteral("format"), QStringLiteral("dermdesk.patient_record")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("patient"), patient.value().first()}};
    for (const auto &part : parts) {
        auto found = select(m_database, part.sql, part.values);
        if (!found)
            return found.error();
        record.insert(QLatin1String(part.key), found.value());
    }
    record.insert(QStringLiteral("appointments"), appointments.value());
    QJsonArray plans = record.take(QStringLiteral("treatment_plans")).toArray();
    nest(plans, record.take(QStringLiteral("sessions")).toArray(), QStringLiteral("plan_id"),
         QStringLiteral("sessions"));
    record.insert(QStringLiteral("treatment_plans"), plans);
    QJsonArray audit = record.take(QStringLiteral("audit")).toArray();
    for (qsizetype i = 0; i < audit.size(); ++i) {
        QJsonObject entry = audit.at(i).toObject();
        entry.insert(QStringLiteral("details"),
                     QJsonDocument::fromJson(entry.value(QStringLiteral("details")).toString().toUtf8()).object());
        audit[i] = entry;
    }
    record.insert(QStringLiteral("audit"), audit);
    return record;
}

Result<QString> PatientRecordExport::toHtml(qint64 patientId) const
{
    auto record = toJson(patientId);
    if (!record)
        return record.error();
    return htmlFrom(record.value(), ClinicRepository(m_database).timeZone().id());
}

namespace {

// A column's value as text: instants ("at", "*_at") in the clinic's zone, null as empty.
QString cellText(const QString &column, const QJsonValue &value, const QTimeZone &zone)
{
    if (value.isNull() || value.isUndefined())
        return QString();
    if (value.isDouble() && (column == QLatin1String("at") || column.endsWith(QLatin1String("_at"))))
        return QDateTime::fromSecsSinceEpoch(value.toInteger(), zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isObject() || value.isArray())
        return QString::fromUtf8(value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                  : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QString heading(const QString &column)
{
    QString text = column;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString cell(const QString &text, const char *tag = "td")
{
    QString escaped = text.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    return QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), escaped);
}

// A table of `rows` with the given columns (all of the first row's, in order, when empty), or "None".
QString table(const QJsonArray &rows, const QTimeZone &zone, QStringList columns = {}, const QStringList &skip = {})
{
    if (rows.isEmpty())
        return QStringLiteral("<p class=\"none\">%1</p>").arg(tr("None.").toHtmlEscaped());
    if (columns.isEmpty())
        columns = rows.first().toObject().keys();
    for (const QString &skipped : skip)
        columns.removeAll(skipped);
    QString html = QStringLiteral("<table><thead><tr>");
    for (const QString &column : columns)
        html += cell(heading(column), "th");
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QJsonValue &row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString &column : columns)
            html += cell(cellText(column, row.toObject().value(column), zone));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

// One row per field: "Given name | Joanna".
QString fields(const QJsonObject &object, const QTimeZone &zone, const QStringList &skip = {})
{
    QString html = QStringLiteral("<table class=\"fields\"><tbody>");
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (skip.contains(it.key()))
            continue;
        html += QStringLiteral("<tr>") + cell(heading(it.key()), "th") + cell(cellText(it.key(), it.value(), zone))
                + QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

QString historyText(const QJsonArray &history, const QTimeZone &zone)
{
    QStringList lines;
    for (const QJsonValue &value : history) {
        const QJsonObject change = value.toObject();
        QString line = tr("%1 → %2, %3 by %4")
                           .arg(change.value(QStringLiteral("from_status")).toString(QStringLiteral("—")),
                                change.value(QStringLiteral("to_status")).toString(),
                                cellText(QStringLiteral("at"), change.value(QStringLiteral("at")), zone),
                                change.value(QStringLiteral("actor")).toString());
        const QString reason = change.value(QStringLiteral("reason")).toString();
        if (!reason.isEmpty())
            line += QStringLiteral(" (%1)").arg(reason);
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString PatientRecordExport::htmlFrom(const QJsonObject &record, const QByteArray &zoneId)
{
    const QTimeZone zone(zoneId);
    const QJsonObject patient = record.value(QStringLiteral("patient")).toObject();
    const QString name = patient.value(QStringLiteral("given_name")).toString() + QLatin1Char(' ')
                         + patient.value(QStringLiteral("family_name")).toString();
    QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title><style>"
                                  "body { font-family: sans-serif; font-size: 10pt; color: #222; } "
                                  "h1 { font-size: 18pt; margin-bottom: 2pt; } h2 { font-size: 13pt; "
                                  "margin-top: 14pt; color: #2d5d7b; } table { border-collapse: collapse; "
                                  "width: 100%; } th, td { border: 1px solid #bbb; padding: 3px; text-align: left; "
                                  "vertical-align: top; } th { background: #eef3f6; } table.fields th { width: 30%; } "
                                  ".none { color: #666; }</style></head><body>")
                       .arg(tr("Patient record: %1").arg(name).toHtmlEscaped());
    html +=
        QStringLiteral("<h1>%1</h1><p>%2</p>")
            .arg(name.toHtmlEscaped(),
                 tr("Everything the clinic holds about this patient, exported %1 (times in %2).")
                     .arg(QDateTime::currentDateTime().toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                          QString::fromUtf8(zoneId))
                     .toHtmlEscaped());
    const auto section = [&html](const QString &title) {
        html += QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped());
    };
    section(tr("Record"));
    html += fields(patient, zone);
    section(tr("Screening answers"));
    html += table(record.value(QStringLiteral("screening")).toArray(), zone,
                  {QStringLiteral("question"), QStringLiteral("answer"), QStringLiteral("event_date"),
                   QStringLiteral("detail"), QStringLiteral("answered_at"), QStringLiteral("recorded_by")});
    section(tr("Appointments"));
    QJsonArray appointments = record.value(QStringLiteral("appointments")).toArray();
    for (qsizetype i = 0; i < appointments.size(); ++i) {
        QJsonObject appointment = appointments.at(i).toObject();
        appointment.insert(QStringLiteral("history"),
                           historyText(appointment.value(QStringLiteral("history")).toArray(), zone));
        appointments[i] = appointment;
    }
    html += table(appointments, zone,
                  {QStringLiteral("id"), QStringLiteral("starts_at"), QStringLiteral("ends_at"),
                   QStringLiteral("type_name"), QStringLiteral("practitioner_name"), QStringLiteral("room_name"),
                   QStringLiteral("status"), QStringLiteral("cancel_reason"), QStringLiteral("notes"),
                   QStringLiteral("history")});
    section(tr("Treatment plans"));
    const QJsonArray plans = record.value(QStringLiteral("treatment_plans")).toArray();
    if (plans.isEmpty())
        html += table(plans, zone);
    for (const QJsonValue &plan : plans) {
        html += QStringLiteral("<h3>%1</h3>")
                    .arg(tr("Plan %1").arg(plan.toObject().value(QStringLiteral("id")).toInteger()).toHtmlEscaped());
        html += fields(plan.toObject(), zone, {QStringLiteral("sessions")});
        html += table(plan.toObject().value(QStringLiteral("sessions")).toArray(), zone);
    }
    section(tr("Waitlist"));
    html += table(record.value(QStringLiteral("waitlist")).toArray(), zone, {}, {QStringLiteral("patient_id")});
    section(tr("Handouts printed"));
    html += table(record.value(QStringLiteral("handouts")).toArray(), zone, {}, {QStringLiteral("patient_id")});
    section(tr("Audit log"));
    html +=
        table(record.value(QStringLiteral("audit")).toArray(), zone,
              {QStringLiteral("at"), QStringLiteral("actor"), QStringLiteral("workstation"), QStringLiteral("action"),
               QStringLiteral("entity"), QStringLiteral("entity_id"), QStringLiteral("details")});
    return html + QStringLiteral("</body></html>");
}

} // namespace dermdesk
