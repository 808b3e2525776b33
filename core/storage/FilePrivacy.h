#pragma once

#include "common/Result.h"

#include <QFileDevice>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace dermdesk {

// Files that hold clinic data (the database and its -wal/-shm, backups, exports, printed documents)
// are readable and writable by their owner only (0600), and folders DermDesk creates for them are
// 0700, whatever the process umask. On systems without POSIX permissions the calls succeed and
// change nothing.
class FilePrivacy
{
public:
    static constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    static constexpr QFileDevice::Permissions ownerOnlyFolder = ownerOnlyFile | QFileDevice::ExeOwner;

    // Sets the process umask to 077, so files written by code that does not come through here (Qt's
    // print-to-file, settings) are private too. Called first thing by the programs, not by the library.
    static void restrictNewFilesToOwner();

    // True when `path` exists and its group or others may read, write or run it.
    [[nodiscard]] static bool widerThanOwner(const QString &path);
    // The clinic database at `databasePath` and its -wal and -shm files: those that exist and are
    // wider than owner-only, in that order.
    [[nodiscard]] static QStringList exposedDatabaseFiles(const QString &databasePath);

    // Makes the existing file `path` owner-only (0600). A Storage error names the file.
    static Status restrictToOwner(const QString &path);
    // Creates `path` as a new, empty, owner-only file; fails (naming the file) when it exists already.
    static Status createEmptyFile(const QString &path);
    // Creates the folder `path` and any missing parents as owner-only (0700); folders that exist
    // already are left as they are. A Storage error names the folder.
    static Status createFolder(const QString &path);
    // Writes `path` through `write`, replacing it only once everything is written (QSaveFile); the
    // file is owner-only from its first byte, also when it replaces a file with wider permissions.
    // A file that cannot be written is InvalidInput on the field "output", naming the path; an error
    // from `write` is returned as it is and leaves `path` as it was.
    static Status writeWhole(const QString &path, const std::function<Status(QIODevice &)> &write);
};

} // namespace dermdesk
