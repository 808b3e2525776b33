#include "DowntimeRepository.h"

#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::DowntimeRepository");

QJsonArray toJson(const DowntimeTable &table)
{
    QJsonArray rows;
    for (const DowntimeBand &band : table.bands())
        rows.append(QJsonObject{{QStringLiteral("max_depth_mm"), band.maxDepthMm},
                                {QStringLiteral("min_hours"), band.minHours},
                                {QStringLiteral("max_hours"), band.maxHours},
                                {QStringLiteral("label"), band.label}});
    return rows;
}

} // namespace

DowntimeRepository::DowntimeRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<DowntimeTable> DowntimeRepository::load() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id, max_depth_mm, min_hours, max_hours, label FROM downtime_band ORDER BY max_depth_mm")))
        return sqlError(query.lastError(), tr("Reading the downtime table"));
    QList<DowntimeBand> bands;
    while (query.next()) {
        bands.append({query.value(0).toLongLong(), query.value(1).toDouble(), query.value(2).toInt(),
                      query.value(3).toInt(), query.value(4).toString()});
    }
    return DowntimeTable(bands);
}

Status DowntimeRepository::save(const DowntimeTable &table)
{
    if (Status valid = table.validate(); !valid)
        return valid;
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto before = load();
    if (!before)
        return before.error();
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("DELETE FROM downtime_band")))
        return sqlError(query.lastError(), tr("Saving the downtime table"));
    query.prepare(QStringLiteral(
        "INSERT INTO downtime_band (max_depth_mm, min_hours, max_hours, label, updated_at) VALUES (?, ?, ?, ?, ?)"));
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    for (const DowntimeBand &band : table.bands()) {
        query.addBindValue(band.maxDepthMm);
        query.addBindValue(band.minHours);
        query.addBindValue(band.maxHours);
        query.addBindValue(band.label.trimmed());
        query.addBindValue(now);
        if (!query.exec())
            return sqlError(query.lastError(), tr("Saving the downtime table"));
    }
    if (Status s =
            AuditLog(m_database, m_clock)
                .record(QStringLiteral("update"), QStringLiteral("downtime_band"), 0,
                        {{QStringLiteral("before"), toJson(before.value())}, {QStringLiteral("after"), toJson(table)}});
        !s)
        return s;
    return transaction.commit();
}

} // namespace dermdesk
