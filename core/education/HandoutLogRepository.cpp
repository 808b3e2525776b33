#include "HandoutLogRepository.h"

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
#include <QVariant>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::HandoutLogRepository");

} // namespace

HandoutLogRepository::HandoutLogRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<qint64> HandoutLogRepository::record(const HandoutRecord &record)
{
    if (record.document != QLatin1String("handout") && record.document != QLatin1String("appointment_card"))
        return Error::invalidInput(QStringLiteral("document"),
                                   tr("“%1” is not a printed document.").arg(record.document));
    if (record.output != QLatin1String("print") && record.output != QLatin1String("pdf"))
        return Error::invalidInput(QStringLiteral("output"), tr("“%1” is not a way of printing.").arg(record.output));
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery patient(m_database.connection());
    patient.prepare(QStringLiteral("SELECT 1 FROM patient WHERE id = ?"));
    patient.addBindValue(record.patientId);
    if (!patient.exec())
        return sqlError(patient.lastError(), tr("Logging the handout"));
    if (!patient.next())
        return Error::notFound(QStringLiteral("patient"), tr("There is no patient %1.").arg(record.patientId));

    const qint64 now = m_clock.now().toSecsSinceEpoch();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO handout_log (patient_id, document, appointment_id, guide_sections, "
                                 "guide_date, output, printed_at, printed_by, workstation) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.patientId);
    query.addBindValue(record.document);
    query.addBindValue(sqlId(record.appointmentId > 0 ? std::optional<qint64>(record.appointmentId) : std::nullopt));
    query.addBindValue(sqlText(record.guideSections.join(QLatin1Char('\n'))));
    query.addBindValue(sqlText(record.guideDate));
    query.addBindValue(record.output);
    query.addBindValue(now);
    query.addBindValue(m_database.actor().person);
    query.addBindValue(m_database.actor().workstation);
    const Result<qint64> inserted = m_database.engine().insert(query, tr("Logging the handout"));
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted.value();

    QJsonArray versions;
    for (const TemplateUse &use : record.templates) {
        QSqlQuery item(m_database.connection());
        item.prepare(QStringLiteral(
            "INSERT INTO handout_log_template (handout_id, template_id, template_version) VALUES (?, ?, ?)"));
        item.addBindValue(id);
        item.addBindValue(use.templateId);
        item.addBindValue(use.version);
        if (!item.exec())
            return sqlError(item.lastError(), tr("Logging the handout's documents"));
        versions.append(
            QJsonObject{{QStringLiteral("template_id"), use.templateId}, {QStringLiteral("version"), use.version}});
    }
    const QJsonObject details{{QStringLiteral("handout_id"), id},
                              {QStringLiteral("document"), record.document},
                              {QStringLiteral("output"), record.output},
                              {QStringLiteral("guide_sections"), QJsonArray::fromStringList(record.guideSections)},
                              {QStringLiteral("templates"), versions}};
    if (Status audited =
            AuditLog(m_database, m_clock)
                .record(QStringLiteral("handout_printed"), QStringLiteral("patient"), record.patientId, details);
        !audited)
        return audited.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Result<QList<HandoutRecord>> HandoutLogRepository::forPatient(qint64 patientId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, document, appointment_id, guide_sections, guide_date, output, printed_at, "
                                 "printed_by, workstation FROM handout_log WHERE patient_id = ? "
                                 "ORDER BY printed_at DESC, id DESC"));
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient's handouts"));
    QList<HandoutRecord> records;
    QHash<qint64, qsizetype> rowOf;
    while (query.next()) {
        HandoutRecord record;
        record.id = query.value(0).toLongLong();
        record.patientId = patientId;
        record.document = query.value(1).toString();
        record.appointmentId = query.value(2).toLongLong();
        const QString sections = query.value(3).toString();
        record.guideSections = sections.isEmpty() ? QStringList() : sections.split(QLatin1Char('\n'));
        record.guideDate = query.value(4).toString();
        record.output = query.value(5).toString();
        record.printedAt = query.value(6).toLongLong();
        record.printedBy = query.value(7).toString();
        record.workstation = query.value(8).toString();
        rowOf.insert(record.id, records.size());
        records.append(record);
    }
    if (records.isEmpty())
        return records;

    QSqlQuery uses(m_database.connection());
    uses.setForwardOnly(true);
    uses.prepare(QStringLiteral("SELECT u.handout_id, u.template_id, u.template_version, v.title "
                                "FROM handout_log h JOIN handout_log_template u ON u.handout_id = h.id "
                                "LEFT JOIN education_template_version v "
                                "ON v.template_id = u.template_id AND v.version = u.template_version "
                                "WHERE h.patient_id = ? ORDER BY u.handout_id, v.title"));
    uses.addBindValue(patientId);
    if (!uses.exec())
        return sqlError(uses.lastError(), tr("Reading the patient's handouts"));
    while (uses.next()) {
        const auto row = rowOf.constFind(uses.value(0).toLongLong());
        if (row == rowOf.constEnd())
            continue;
        records[*row].templates.append({uses.value(1).toLongLong(), uses.value(2).toInt(), uses.value(3).toString()});
    }
    return records;
}

} // namespace dermdesk
