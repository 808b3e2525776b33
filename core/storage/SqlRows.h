#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlQuery>
#include <QSqlRecord>

namespace dermdesk {

// Every column of every row the executed `query` returns, by column name, NULL as JSON null: rows as a person's
// data export shows them, whatever the table's columns.
[[nodiscard]] inline QJsonArray sqlRowsAsJson(QSqlQuery &query)
{
    QJsonArray found;
    while (query.next()) {
        const QSqlRecord record = query.record();
        QJsonObject row;
        for (int i = 0; i < record.count(); ++i) {
            const QVariant value = record.value(i);
            row.insert(record.fieldName(i), value.isNull() ? QJsonValue() : QJsonValue::fromVariant(value));
        }
        found.append(row);
    }
    return found;
}

} // namespace dermdesk
