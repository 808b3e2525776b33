#include "AuditLog.h"

#include "Database.h"
#include "SqlError.h"
#include "Statement.h"
#include "StorageEngine.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSysInfo>

namespace dermdesk {

AuditLog::AuditLog(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Status AuditLog::record(const QString &action, const QString &entity, qint64 entityId, const QJsonObject &details) const
{
    Statement statement(m_database, QStringLiteral("INSERT INTO audit_log (at, actor, workstation, action, entity, "
                                                   "entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery &query = *statement;
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(m_database.actor().person);
    query.addBindValue(m_database.actor().workstation);
    query.addBindValue(action);
    query.addBindValue(entity);
    query.addBindValue(entityId > 0 ? QVariant(entityId) : QVariant());
    query.addBindValue(details.isEmpty() ? QString()
                                         : QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return sqlError(query.lastError(), QCoreApplication::translate("dermdesk::AuditLog", "Recording the change"));
    return {};
}

Status AuditLog::recordAll(const QString &action, const QString &entity, const QList<Entry> &entries) const
{
    const qint64 at = m_clock.now().toSecsSinceEpoch();
    QVariantList values;
    values.reserve(entries.size() * 7);
    for (const Entry &entry : entries) {
        values.append(at);
        values.append(m_database.actor().person);
        values.append(m_database.actor().workstation);
        values.append(action);
        values.append(entity);
        values.append(entry.entityId > 0 ? QVariant(entry.entityId) : QVariant());
        values.append(entry.details.isEmpty()
                          ? QString()
                          : QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)));
    }
    const QStringList columns{QStringLiteral("at"),     QStringLiteral("actor"),  QStringLiteral("workstation"),
                              QStringLiteral("action"), QStringLiteral("entity"), QStringLiteral("entity_id"),
                              QStringLiteral("details")};
    const auto ids =
        m_database.engine().insertAll(QStringLiteral("audit_log"), columns, values,
                                      QCoreApplication::translate("dermdesk::AuditLog", "Recording the change"));
    if (!ids)
        return ids.error();
    return {};
}

Actor Actor::ofThisComputer()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return {name.isEmpty() ? QStringLiteral("unknown") : name, QSysInfo::machineHostName()};
}

} // namespace dermdesk
