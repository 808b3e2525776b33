#pragma once

#include <QByteArray>
#include <QStringList>
#include <QVariant>

namespace dermdesk::PostgresRows {

// Whole rows as one JSON array of objects keyed by column, for json_populate_recordset(): `values` holds the values of
// the rows one after another, `columns` per row. Each value reads back as the same stored value: NULL as null,
// integers and flags in decimal, reals with 17 significant digits (those not finite as the strings PostgreSQL reads
// for them), text escaped as JSON requires, bytes as bytea's hex text.
[[nodiscard]] QByteArray json(const QStringList &columns, const QVariantList &values);

} // namespace dermdesk::PostgresRows
