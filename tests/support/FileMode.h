#pragma once

#include <QFile>
#include <QString>

#include <sys/stat.h>

namespace dermdesk::test {

// The permission bits of `path` in octal, as `stat -c %a` prints them ("600"); "missing" when
// there is no such file.
inline QString fileMode(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("missing");
    return QString::number(info.st_mode & 07777, 8);
}

// Gives `path` the mode -rw-r--r--: a file anyone on the computer can read.
inline bool makeReadableByOthers(const QString &path)
{
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                           | QFileDevice::ReadOther);
}

// The umask most desktop sessions run with (new files -rw-r--r--), so a test sees what a clinic
// computer would give unless DermDesk makes its files private itself.
inline void useUsualUmask()
{
    ::umask(022);
}

} // namespace dermdesk::test
