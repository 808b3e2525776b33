#pragma once

#include "common/Error.h"

#include <QSqlError>
#include <QString>

#include <optional>

namespace dermdesk {

// Turns a failed statement into an Error a person can act on: what repositories call with a statement's
// lastError(). It hands the error to the mapping of the engine that reported it (StorageEngine::error):
// refusals the schema raises itself become Rule errors naming the rule (schemaRefusal()); a busy or locked
// database, a full disk or a damaged file become Storage errors that say so; anything else keeps the driver's
// text behind `what` ("Saving the appointment").
//
// Which engine reported an error is read from the form of its native code, since a QSqlError does not name its
// driver: SQLite reports its result code as a decimal number of at most four digits (SqliteEngine::mapError);
// PostgreSQL reports a five-character SQLSTATE ("23P01"), which a server engine's mapping will take: 23P01
// (exclusion constraint) to the overlap rule its constraint names, 40001/40P01 to a retry, class 08 and 57P01 to
// "server unreachable". A statement Qt refused without an error (a connection that is not open: the server dropped
// it) is "unreachable" too.
[[nodiscard]] Error sqlError(const QSqlError &error, const QString &what);

// The Rule error for a refusal the clinic's schema raises itself, on every engine: the overlap triggers (SQLite)
// or exclusion constraints (a server) named appointment_overlap_practitioner, _room and _patient, and the
// append-only audit log (audit_log_append_only); both name themselves in the database's message. Empty for
// any other error.
[[nodiscard]] std::optional<Error> schemaRefusal(const QSqlError &error);

} // namespace dermdesk
