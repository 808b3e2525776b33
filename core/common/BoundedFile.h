#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace dermdesk {

// Reads a whole ordinary file that a person chose (an import), never more than a stated number of bytes.
// Opening never waits: a FIFO, a device (/dev/zero), a socket or a folder is refused at once, and a file that
// is (or grows) larger than the limit is refused without being read past it.
// Errors: NotFound "file" when nothing is at `path`; InvalidInput "file" for a special file, a file over the
// limit (the message names the limit in MiB) or one that cannot be read (the message gives the reason).
class BoundedFile
{
public:
    [[nodiscard]] static Result<QByteArray> read(const QString &path, qint64 maxBytes);
};

} // namespace dermdesk
