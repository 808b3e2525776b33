#include "PatientListExport.h"

#include "CsvWriter.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientListExport");

const QStringList columns = {QStringLiteral("id"),
                             QStringLiteral("given_name"),
                             QStringLiteral("family_name"),
                             QStringLiteral("preferred_name"),
                             QStringLiteral("birth_date"),
                             QStringLiteral("phone"),
                             QStringLiteral("phone_home"),
                             QStringLiteral("email"),
                             QStringLiteral("address"),
                             QStringLiteral("emergency_contact"),
                             QStringLiteral("preferred_channel"),
                             QStringLiteral("reminder_consent"),
                             QStringLiteral("fitzpatrick"),
                             QStringLiteral("allergies"),
                             QStringLiteral("medications"),
                             QStringLiteral("notes"),
                             QStringLiteral("archived")};

} // namespace

PatientListExport::PatientListExport(const Database &database)
    : m_database(database)
{
}

Result<qint64> PatientListExport::writeCsv(QIODevice &out) const
{
    const auto write = [&out](const QByteArray &bytes) { return out.write(bytes) == bytes.size(); };
    if (!write(CsvWriter::byteOrderMark()) || !write(CsvWriter::row(columns)))
        return Error::storage(QStringLiteral("write"), tr("The file cannot be written: %1").arg(out.errorString()));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // Column names are this file's constants.
    if (!query.exec(QStringLiteral("SELECT %1 FROM patient ORDER BY family_name, given_name, id")
                        .arg(columns.join(QStringLiteral(", ")))))
        return sqlError(query.lastError(), tr("Reading the patients"));
    qint64 written = 0;
    QStringList fields;
    while (query.next()) {
        fields.clear();
        // A NULL (a skin type left unknown) is an empty cell: a driver may give a NULL number a type whose text is "0".
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant value = query.value(i);
            fields.append(value.isNull() ? QString() : value.toString());
        }
        if (!write(CsvWriter::row(fields)))
            return Error::storage(QStringLiteral("write"), tr("The file cannot be written: %1").arg(out.errorString()));
        ++written;
    }
    if (query.lastError().isValid())
        return sqlError(query.lastError(), tr("Reading the patients"));
    return written;
}

} // namespace dermdesk
