#include "AuditLog.h"

#include "Database.h"
#include "SqlError.h"
#include "Statement.h"

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

Actor Actor::ofThisComputer()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return {name.isEmpty() ? QStringLiteral("unknown") : name, QSysInfo::machineHostName()};
}

} // namespace dermdesk
