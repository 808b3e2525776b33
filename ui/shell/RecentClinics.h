#pragma once

#include <QStringList>

namespace dermdesk::ui {

// The clinics opened lately, newest first, for File ▸ Open Recent: clinic files by their absolute path, clinics on a
// server by their address without the password (ServerAddress::display()). Kept in QSettings ("RecentClinics/
// locations"), which never holds a password.
class RecentClinics
{
public:
    static constexpr int maximum = 8;

    [[nodiscard]] static QStringList locations();
    // Puts `location` first (once). A server address is kept without its password; one that cannot be read is not
    // kept.
    static void remember(const QString &location);
    // Drops `location` (e.g. a file that is gone).
    static void forget(const QString &location);
    // How `location` is shown in the menu: the path, or the server address without its password.
    [[nodiscard]] static QString shown(const QString &location);
};

} // namespace dermdesk::ui
