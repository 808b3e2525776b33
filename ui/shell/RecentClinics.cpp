#include "ui/shell/RecentClinics.h"

#include "storage/Database.h"
#include "storage/ServerAddress.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace dermdesk::ui {

namespace {

const QString key = QStringLiteral("RecentClinics/locations");

// `location` as it is kept: a server address without its password, a file's absolute path; empty when it cannot
// be kept.
QString kept(const QString &location)
{
    if (ServerAddress::looksLikeServer(location)) {
        const auto address = ServerAddress::parse(location);
        return address ? address.value().display() : QString();
    }
    if (location.trimmed().isEmpty() || location == Database::memoryPath())
        return {};
    return QFileInfo(location).absoluteFilePath();
}

} // namespace

QStringList RecentClinics::locations()
{
    QStringList result;
    // A list written by hand or by another version is read defensively: passwords dropped, duplicates once.
    for (const QString &location : QSettings().value(key).toStringList()) {
        const QString each = kept(location);
        if (!each.isEmpty() && !result.contains(each))
            result.append(each);
    }
    return result.mid(0, maximum);
}

void RecentClinics::remember(const QString &location)
{
    const QString each = kept(location);
    if (each.isEmpty())
        return;
    QStringList list = locations();
    list.removeAll(each);
    list.prepend(each);
    QSettings().setValue(key, list.mid(0, maximum));
}

void RecentClinics::forget(const QString &location)
{
    QStringList list = locations();
    list.removeAll(kept(location));
    QSettings().setValue(key, list);
}

QString RecentClinics::shown(const QString &location)
{
    return ServerAddress::looksLikeServer(location) ? kept(location) : QDir::toNativeSeparators(location);
}

} // namespace dermdesk::ui
