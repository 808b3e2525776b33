#include "BoundedFile.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::BoundedFile");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error tooLarge(const QString &path, qint64 maxBytes)
{
    return Error::invalidInput(QStringLiteral("file"),
                               tr("%1 is larger than %2 MiB, the most that can be read at once. "
                                  "Split it into smaller files.")
                                   .arg(shown(path))
                                   .arg(maxBytes / (qint64(1024) * 1024)));
}

Error unreadable(const QString &path, const QString &reason)
{
    return Error::invalidInput(QStringLiteral("file"), tr("%1 cannot be read: %2").arg(shown(path), reason));
}

Error notOrdinary(const QString &path, bool folder)
{
    return Error::invalidInput(QStringLiteral("file"),
                               folder ? tr("%1 is a folder, not a file.").arg(shown(path))
                                      : tr("%1 is not an ordinary file (a device, a pipe or a socket); "
                                           "save the data to a file and read that.")
                                            .arg(shown(path)));
}

} // namespace

#ifdef Q_OS_UNIX

Result<QByteArray> BoundedFile::read(const QString &path, qint64 maxBytes)
{
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return Error::notFound(QStringLiteral("file"), tr("There is no file %1.").arg(shown(path)));
        return unreadable(path, QString::fromLocal8Bit(std::strerror(errno)));
    }
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info
    { };
    if (::fstat(fd, &info) != 0)
        return unreadable(path, QString::fromLocal8Bit(std::strerror(errno)));
    if (!S_ISREG(info.st_mode))
        return notOrdinary(path, S_ISDIR(info.st_mode));
    if (info.st_size > maxBytes)
        return tooLarge(path, maxBytes);

    QByteArray bytes;
    bytes.resize(qsizetype(info.st_size));
    qint64 filled = 0;
    for (;;) {
        // One byte of room past the limit tells a file that grew beyond it from one that ends there.
        if (filled == bytes.size())
            bytes.resize(qsizetype(std::min(maxBytes + 1, std::max<qint64>(filled * 2, 64 * 1024))));
        const ssize_t got = ::read(fd, bytes.data() + filled, size_t(bytes.size() - filled));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return unreadable(path, QString::fromLocal8Bit(std::strerror(errno)));
        }
        if (got == 0)
            break;
        filled += got;
        if (filled > maxBytes)
            return tooLarge(path, maxBytes);
    }
    bytes.truncate(qsizetype(filled));
    return bytes;
}

#else

Result<QByteArray> BoundedFile::read(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(QStringLiteral("file"), tr("There is no file %1.").arg(shown(path)));
    if (!info.isFile())
        return notOrdinary(path, info.isDir());
    if (info.size() > maxBytes)
        return tooLarge(path, maxBytes);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(path, file.errorString());
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return tooLarge(path, maxBytes);
    if (file.error() != QFileDevice::NoError)
        return unreadable(path, file.errorString());
    return bytes;
}

#endif

} // namespace dermdesk
