#pragma once

#include "common/Error.h"

#include <QSqlError>
#include <QString>

namespace dermdesk {

// Turns a failed statement into an Error a person can act on. Overlap refusals raised by the
// database's own triggers become Rule errors naming the overlap; a busy or locked database,
// a full disk or a corrupt file become Storage errors that say so; anything else keeps the
// driver's text behind `what` ("saving the appointment").
[[nodiscard]] Error sqlError(const QSqlError &error, const QString &what);

} // namespace dermdesk
