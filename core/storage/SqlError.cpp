#include "SqlError.h"
#include "common/Translation.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace dermdesk {

namespace {
constexpr TranslationContext tr("dermdesk::SqlError");
} // namespace

Error sqlError(const QSqlError &error, const QString &what)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const int code = error.nativeErrorCode().toInt();

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

    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::storage(QStringLiteral("locked"),
                              tr("%1: the clinic database is in use by another program and stayed locked. "
                                 "Try again in a moment.")
                                  .arg(what));
    case SQLITE_FULL:
        return Error::storage(QStringLiteral("disk_full"), tr("%1: the disk is full.").arg(what));
    case SQLITE_READONLY:
        return Error::storage(QStringLiteral("read_only"),
                              tr("%1: the clinic database is read-only.").arg(what));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Error::storage(QStringLiteral("corrupt"),
                              tr("%1: the clinic database file is damaged (%2).").arg(what, text));
    case SQLITE_CONSTRAINT:
        return Error::invalidInput(QStringLiteral("constraint"),
                                   tr("%1: the database refused the change (%2).").arg(what, text));
    default:
        break;
    }
    return Error::storage(QStringLiteral("sql"), tr("%1 failed: %2").arg(what, text));
}

} // namespace dermdesk
