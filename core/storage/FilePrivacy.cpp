#include "FilePrivacy.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <utility>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::FilePrivacy");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

constexpr QFileDevice::Permissions groupOrOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                                   | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                                   | QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

void FilePrivacy::restrictNewFilesToOwner()
{
#ifdef Q_OS_UNIX
    ::umask(S_IRWXG | S_IRWXO);
#endif
}

bool FilePrivacy::widerThanOwner(const QString &path)
{
    return QFileInfo::exists(path) && (QFile::permissions(path) & groupOrOthers);
}

QStringList FilePrivacy::exposedDatabaseFiles(const QString &databasePath)
{
    QStringList exposed;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (widerThanOwner(databasePath + suffix))
            exposed.append(databasePath + suffix);
    }
    return exposed;
}

Status FilePrivacy::restrictToOwner(const QString &path)
{
    QFile file(path);
    if (!file.setPermissions(ownerOnlyFile))
        return Error::storage(QStringLiteral("permissions"),
                              tr("%1 cannot be made private (readable by its owner only): %2.")
                                  .arg(shown(path), file.errorString()));
    return {};
}

Status FilePrivacy::createEmptyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnlyFile))
        return Error::storage(QStringLiteral("create"),
                              tr("%1 cannot be created: %2.").arg(shown(path), file.errorString()));
    return {};
}

Status FilePrivacy::createFolder(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList missing;
    for (QString folder = absolute; !QFileInfo::exists(folder); folder = QFileInfo(folder).path()) {
        missing.prepend(folder);
        if (QFileInfo(folder).path() == folder)
            break;
    }
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder, ownerOnlyFolder) && !QFileInfo(folder).isDir())
            return Error::storage(QStringLiteral("folder"),
                                  tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(folder)));
    }
    if (!QFileInfo(absolute).isDir())
        return Error::storage(QStringLiteral("folder"),
                              tr("%1 is not a folder.").arg(QDir::toNativeSeparators(absolute)));
    return {};
}

Status FilePrivacy::writeWhole(const QString &path, const std::function<Status(QIODevice &)> &write)
{
    const auto unwritable = [&path](const QString &why) {
        return Error::invalidInput(QStringLiteral("output"), tr("%1 cannot be written: %2").arg(shown(path), why));
    };
    if (path.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("output"), tr("No file name was given to write to."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return unwritable(file.errorString());
    // The temporary file becomes `path` on commit, with these permissions.
    if (!file.setPermissions(ownerOnlyFile)) {
        file.cancelWriting();
        return unwritable(file.errorString());
    }
    if (Status written = write(file); !written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return unwritable(file.errorString());
    return {};
}

} // namespace dermdesk
