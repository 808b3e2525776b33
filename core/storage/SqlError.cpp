#include "SqlError.h"

#include "PostgresEngine.h"
#include "SqliteEngine.h"
#include "common/Translation.h"

namespace dermdesk {

namespace {
constexpr TranslationContext tr("dermdesk::SqlError");
} // namespace

Error sqlError(const QSqlError &error, const QString &what)
{
    // Qt refuses a statement on a connection that is not open without recording an error: on a clinic server,
    // the connection the server dropped.
    if (error.type() == QSqlError::NoError)
        return Error::storage(QStringLiteral("unreachable"),
                              tr("%1: the clinic's database cannot be reached (its connection is closed), so nothing "
                                 "was read or saved.")
                                  .arg(what));
    if (PostgresEngine::reported(error))
        return PostgresEngine::mapError(error, what);
    return SqliteEngine::mapError(error, what);
}

std::optional<Error> schemaRefusal(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (text.contains(QLatin1String("appointment_overlap_practitioner")))
        return Error::rule(QStringLiteral("overlap.practitioner"),
                           tr("The practitioner already has an appointment at that time."));
    if (text.contains(QLatin1String("appointment_overlap_room")))
        return Error::rule(QStringLiteral("overlap.room"), tr("The room is already booked at that time."));
    if (text.contains(QLatin1String("appointment_overlap_patient")))
        return Error::rule(QStringLiteral("overlap.patient"),
                           tr("The patient already has another appointment at that time."));
    if (text.contains(QLatin1String("audit_log_append_only")))
        return Error::rule(QStringLiteral("audit.append_only"), tr("The audit log can only be added to."));
    return std::nullopt;
}

} // namespace dermdesk
