#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dermdesk {

class Database;

// Appends to the audit_log table: who changed what, when and from which workstation.
// Call it inside the same Transaction as the change it records, so both land or neither does.
class AuditLog
{
public:
    explicit AuditLog(const Database &database, const Clock &clock = Clock::system());

    // `entity` is the table name ("patient", "appointment", ...); `details` usually holds
    // "before" and "after" objects with the fields that changed.
    Status record(const QString &action, const QString &entity, qint64 entityId, const QJsonObject &details = {}) const;

    // One change of an entity, for recordAll().
    struct Entry
    {
        qint64 entityId = 0;
        QJsonObject details;
    };
    // The rows record() writes for each of `entries` with `action` and `entity`, in their order, at one instant (a
    // server receives them in a few statements rather than one per row).
    Status recordAll(const QString &action, const QString &entity, const QList<Entry> &entries) const;

    // Rows name the Database's actor() (the clinic session's), never whoever runs the process.

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
