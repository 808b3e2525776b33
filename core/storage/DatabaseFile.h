#pragma once

#include "common/Error.h"
#include "common/Result.h"

#include <QString>

namespace dermdesk {

// What can be learnt about a clinic database file from the file system alone, before SQLite
// opens it: every check here only looks (stat, and at most the first 100 bytes of an ordinary
// file), so it never blocks on a pipe or a device and never changes anything.
class DatabaseFile
{
public:
    // Whether `absolutePath` can be opened as a clinic database. Returns true when the file does not
    // exist yet or is empty (a new clinic), false for an existing database file. Refused with an Error:
    // an empty path or a missing file when `createIfMissing` is false (NotFound); a missing folder, a
    // folder, a device, a pipe or a socket, an unreadable file, a file that is not an SQLite database;
    // and, unless `readOnly`, a read-only file or folder (all Storage).
    [[nodiscard]] static Result<bool> inspect(const QString &absolutePath, bool createIfMissing, bool readOnly);

    // True when the database file at `absolutePath` is in write-ahead-log mode (its header says so).
    [[nodiscard]] static bool usesWriteAheadLog(const QString &absolutePath);

    // The newest backup of the clinic at `databasePath` that can be found beside it: a DermDesk database
    // file in the same folder named like the copies DermDesk makes (`<db>.v<N>-<stamp>.bak` before a
    // schema upgrade, `<name>-<date>.dermdesk` from File ▸ Back Up) or ending in `.bak`. Empty when none.
    [[nodiscard]] static QString newestBackup(const QString &databasePath);

    // The Storage error "corrupt" for a damaged clinic database at `path`: `problem` is what SQLite found;
    // the message says what to do, naming the newest backup found beside it.
    [[nodiscard]] static Error damaged(const QString &path, const QString &problem);
};

} // namespace dermdesk
