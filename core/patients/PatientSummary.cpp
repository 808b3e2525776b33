#include "PatientSummary.h"

#include <QStringBuilder>

namespace dermdesk {

QString PatientSummary::sortName() const
{
    return familyName + QStringLiteral(", ") + givenName;
}

QString PatientSummary::fullName(const QString &given, const QString &family, const QString &preferred)
{
    // QStringBuilder: one allocation for the whole name (the schedule builds thousands at a time).
    if (preferred.isEmpty() || preferred == given)
        return given % QLatin1Char(' ') % family;
    return preferred % QLatin1String(" (") % given % QLatin1String(") ") % family;
}

} // namespace dermdesk
