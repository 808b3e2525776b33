#include "AppIdentity.h"

#include <QCoreApplication>

namespace dermdesk {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DermDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("dermdesk.example"));
    QCoreApplication::setApplicationName(QStringLiteral("DermDesk"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(version()));
}

const char *version()
{
    return DERMDESK_VERSION;
}

} // namespace dermdesk
