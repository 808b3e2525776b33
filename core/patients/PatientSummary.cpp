#include "PatientSummary.h"

namespace dermdesk {

QString PatientSummary::sortName() const
{
    return familyName + QStringLiteral(", ") + givenName;
}

QString PatientSummary::fullName(const QString &given, const QString &family, const QString &preferred)
{
    if (preferred.isEmpty() || preferred == given)
        return given + QLatin1Char(' ') + family;
    return preferred + QStringLiteral(" (") + given + QStringLiteral(") ") + family;
}

} // namespace dermdesk
