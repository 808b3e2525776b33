#include "DatabaseFile.h"

#include "Database.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QtEndian>

#include <sys/stat.h>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::DatabaseFile");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

enum class Kind {
    Missing,
    Ordinary,
    Folder,
    Special, // a device, a pipe or a socket: opening it could block or read forever
};

// What `path` is, following symbolic links; stat() never opens the file.
Kind kindOf(const QString &path)
{
    struct stat status
    { };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return Kind::Missing;
    if (S_ISDIR(status.st_mode))
        return Kind::Folder;
    return S_ISREG(status.st_mode) ? Kind::Ordinary : Kind::Special;
}

bool hasWriteBit(const QFileInfo &info)
{
    return info.permissions() & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther);
}

// True when the ordinary file at `path` starts with an SQLite header stamped with DermDesk's application_id.
bool isDermDeskDatabase(const QString &path)
{
    QFile file(path);
    if (kindOf(path) != Kind::Ordinary || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(100);
    return header.size() == 100 && header.startsWith(QByteArrayLiteral("SQLite format 3\0"))
           && qFromBigEndian<qint32>(header.constData() + 68) == Database::applicationId;
}

} // namespace

Result<bool> DatabaseFile::inspect(const QString &absolutePath, bool createIfMissing, bool readOnly)
{
    if (absolutePath.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("database"), tr("No database file was given."));
    const QFileInfo info(absolutePath);
    const QString folder = info.absolutePath();
    if (kindOf(folder) != Kind::Folder)
        return Error::storage(QStringLiteral("no_folder"),
                              tr("The folder %1 does not exist, so the clinic database %2 cannot be opened or "
                                 "created there. Check the path, or create the folder first.")
                                  .arg(shown(folder), info.fileName()));

    switch (kindOf(absolutePath)) {
    case Kind::Missing:
        if (!createIfMissing)
            return Error::notFound(QStringLiteral("database"),
                                   tr("There is no clinic database at %1.").arg(shown(absolutePath)));
        if (!readOnly && !QFileInfo(folder).isWritable())
            return Error::storage(QStringLiteral("read_only"),
                                  tr("A new clinic database cannot be created in %1: the folder is read-only.")
                                      .arg(shown(folder)));
        return true;
    case Kind::Folder:
        return Error::storage(QStringLiteral("not_a_file"),
                              tr("%1 is a folder, not a clinic database file. Give the path of the database "
                                 "file itself.")
                                  .arg(shown(absolutePath)));
    case Kind::Special:
        return Error::storage(QStringLiteral("not_a_file"),
                              tr("%1 is a device, a pipe or a socket, not a clinic database file. Nothing was "
                                 "read from it or written to it.")
                                  .arg(shown(absolutePath)));
    case Kind::Ordinary:
        break;
    }

    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(QStringLiteral("unreadable"),
                              tr("%1 cannot be read: %2.").arg(shown(absolutePath), file.errorString()));
    const QByteArray header = file.read(16);
    const qint64 size = file.size();
    file.close();
    if (size > 0 && header != QByteArrayLiteral("SQLite format 3\0"))
        return Error::storage(QStringLiteral("foreign"),
                              tr("%1 is not a DermDesk clinic database (it is not a database file at all). "
                                 "It was left untouched.")
                                  .arg(shown(absolutePath)));
    if (readOnly)
        return size == 0;
    if (!info.isWritable() || !hasWriteBit(info))
        return Error::storage(QStringLiteral("read_only"),
                              tr("%1 is read-only. DermDesk needs to write to the clinic database; ask whoever "
                                 "manages this computer to allow it. The file was not changed.")
                                  .arg(shown(absolutePath)));
    if (!QFileInfo(folder).isWritable())
        return Error::storage(QStringLiteral("read_only"),
                              tr("The folder %1 is read-only; the clinic database needs to keep its journal "
                                 "beside it. The file was not changed.")
                                  .arg(shown(folder)));
    return size == 0;
}

bool DatabaseFile::usesWriteAheadLog(const QString &absolutePath)
{
    // Bytes 18 and 19 of the header are the write and read format versions: 2 for WAL, 1 for a rollback journal.
    QFile file(absolutePath);
    if (kindOf(absolutePath) != Kind::Ordinary || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(20);
    return header.size() == 20 && header.at(18) == 2 && header.at(19) == 2;
}

QString DatabaseFile::newestBackup(const QString &databasePath)
{
    const QFileInfo database(databasePath);
    const QString name = database.fileName();
    const QString base = database.completeBaseName();
    // A folder of thousands of files is not searched through: only names that look like backups are read.
    constexpr int maxCandidates = 200;
    const QFileInfoList entries =
        database.absoluteDir().entryInfoList({QStringLiteral("*.bak"), base + QStringLiteral("-*.dermdesk")},
                                             QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Time);
    QString newest;
    QDateTime newestTime;
    int read = 0;
    for (const QFileInfo &entry : entries) {
        if (entry.fileName() == name)
            continue;
        if (++read > maxCandidates)
            break;
        if (!isDermDeskDatabase(entry.absoluteFilePath()))
            continue;
        const QDateTime modified = entry.lastModified();
        if (newest.isEmpty() || modified > newestTime) {
            newest = entry.absoluteFilePath();
            newestTime = modified;
        }
    }
    return newest;
}

Error DatabaseFile::damaged(const QString &path, const QString &problem)
{
    const QString backup = newestBackup(path);
    const QString advice =
        backup.isEmpty()
            ? tr("No backup made by DermDesk was found beside it: restore the clinic from your most recent backup "
                 "copy, or ask for help before anything else is done with this file.")
            : tr("Restore the clinic from the newest backup found beside it, %1 (made %2): close DermDesk, keep "
                 "the damaged file aside for inspection, and put a copy of the backup in its place.")
                  .arg(shown(backup), QLocale().toString(QFileInfo(backup).lastModified(), QLocale::ShortFormat));
    return Error::storage(QStringLiteral("corrupt"), tr("%1 is damaged (%2). Nothing will be written to it. %3")
                                                         .arg(shown(path), problem, advice));
}

} // namespace dermdesk
