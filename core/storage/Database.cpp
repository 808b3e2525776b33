#include "Database.h"

#include "FilePrivacy.h"
#include "SqlError.h"
#include "Transaction.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <sqlite3.h>

namespace dermdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::Database", text);
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("dermdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The numbered migration scripts in `folder`, in order: 001_initial.sql, 002_....sql, ...
// Numbering must be contiguous from 001; the first gap ends the list.
QStringList migrationScripts(const QString &folder)
{
    QStringList found;
    static const QRegularExpression numbered(QStringLiteral("^(\\d{3})_[a-z0-9_]+\\.sql$"));
    const QDir dir(folder);
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const auto match = numbered.match(name);
        if (match.hasMatch() && match.captured(1).toInt() == found.size() + 1)
            found.append(dir.filePath(name));
    }
    return found;
}

// Splits a migration script into complete statements, keeping trigger bodies whole.
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString pending;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        pending += line;
        pending += QLatin1Char('\n');
        if (line.contains(QLatin1Char(';')) && sqlite3_complete(pending.toUtf8().constData())) {
            statements.append(pending.trimmed());
            pending.clear();
        }
    }
    if (!pending.trimmed().isEmpty()) {
        bool onlyComments = true;
        for (const QString &line : pending.split(QLatin1Char('\n'))) {
            const QString trimmed = line.trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1String("--")))
                onlyComments = false;
        }
        if (!onlyComments)
            statements.append(pending.trimmed());
    }
    return statements;
}

bool hasWriteBit(const QFileInfo &info)
{
    return info.permissions() & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther);
}

} // namespace

QString Database::memoryPath()
{
    return QStringLiteral(":memory:");
}

int Database::latestSchemaVersion()
{
    static const int latest = int(migrationScripts(Options().migrationsFolder).size());
    return latest;
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/clinic.dermdesk");
}

QString Database::defaultDemoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-clinic.dermdesk");
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *Database::nativeHandle() const
{
    const QVariant handle = connection().driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    const bool inMemory = path == memoryPath();
    const QString absolute = inMemory ? path : QFileInfo(path).absoluteFilePath();
    bool created = inMemory;

    if (!inMemory) {
        if (path.trimmed().isEmpty())
            return Error::invalidInput(QStringLiteral("database"), tr("No database file was given."));
        const QFileInfo info(absolute);
        const QDir folder = info.absoluteDir();
        if (!folder.exists())
            return Error::invalidInput(QStringLiteral("database"),
                                       tr("The folder %1 does not exist, so the clinic database %2 cannot be "
                                          "opened or created there.")
                                           .arg(QDir::toNativeSeparators(folder.path()), info.fileName()));
        if (info.exists()) {
            if (info.isDir())
                return Error::invalidInput(QStringLiteral("database"), tr("%1 is a folder, not a clinic database file.")
                                                                           .arg(QDir::toNativeSeparators(absolute)));
            QFile file(absolute);
            if (!file.open(QIODevice::ReadOnly))
                return Error::storage(QStringLiteral("unreadable"),
                                      tr("%1 cannot be read: %2.")
                                          .arg(QDir::toNativeSeparators(absolute), file.errorString()));
            const QByteArray header = file.read(16);
            const qint64 size = file.size();
            file.close();
            if (size > 0 && header != QByteArrayLiteral("SQLite format 3\0"))
                return Error::storage(QStringLiteral("foreign"),
                                      tr("%1 is not a DermDesk clinic database (it is not a database file at all). "
                                         "It was left untouched.")
                                          .arg(QDir::toNativeSeparators(absolute)));
            if (!info.isWritable() || !hasWriteBit(info))
                return Error::storage(QStringLiteral("read_only"),
                                      tr("%1 is read-only. DermDesk needs to write to the clinic database; "
                                         "ask whoever manages this computer to allow it. The file was not "
                                         "changed.")
                                          .arg(QDir::toNativeSeparators(absolute)));
            if (!QFileInfo(folder.path()).isWritable())
                return Error::storage(QStringLiteral("read_only"),
                                      tr("The folder %1 is read-only; the clinic database needs to keep its "
                                         "journal beside it. The file was not changed.")
                                          .arg(QDir::toNativeSeparators(folder.path())));
            created = size == 0;
        } else {
            if (!options.createIfMissing)
                return Error::notFound(QStringLiteral("database"), tr("There is no clinic database at %1.")
                                                                       .arg(QDir::toNativeSeparators(absolute)));
            if (!QFileInfo(folder.path()).isWritable())
                return Error::storage(QStringLiteral("read_only"),
                                      tr("A new clinic database cannot be created in %1: the folder is read-only.")
                                          .arg(QDir::toNativeSeparators(folder.path())));
            created = true;
        }
    }

    const bool existedBefore = !inMemory && QFileInfo::exists(absolute);
    // A new clinic file is owner-only before SQLite writes to it; SQLite gives -wal and -shm its mode.
    if (!inMemory && created) {
        const Status made =
            existedBefore ? FilePrivacy::restrictToOwner(absolute) : FilePrivacy::createEmptyFile(absolute);
        if (!made)
            return made.error();
    }
    std::unique_ptr<Database> database(new Database(absolute, nextConnectionName()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        db.setDatabaseName(absolute);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.open()) {
            const Error error = sqlError(db.lastError(), tr("Opening %1").arg(QDir::toNativeSeparators(absolute)));
            database.reset();
            if (!existedBefore && !inMemory)
                QFile::remove(absolute);
            return error;
        }
    }

    const QStringList scripts = migrationScripts(options.migrationsFolder);
    Status status = database->configure(options);
    if (status)
        status = database->identify(created, int(scripts.size()));
    if (status && database->m_schemaVersion < scripts.size() && !database->m_created && !options.migrate)
        status = Error::storage(QStringLiteral("older_schema"),
                                tr("%1 uses an older schema (version %2) and must be upgraded by the DermDesk "
                                   "desktop program first. The file was not changed.")
                                    .arg(QDir::toNativeSeparators(absolute))
                                    .arg(database->m_schemaVersion));
    if (status)
        status = database->migrate(database->m_created, scripts);
    if (!status) {
        const bool removeFile = !existedBefore && !inMemory;
        database.reset();
        if (removeFile) {
            QFile::remove(absolute);
            QFile::remove(absolute + QStringLiteral("-wal"));
            QFile::remove(absolute + QStringLiteral("-shm"));
        }
        return status.error();
    }
    return database;
}

Status Database::configure(const Options &options)
{
    constexpr int pageCacheKiB = 64 * 1024;
    QSqlQuery query(connection());
    const QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // 64 MiB of page cache (the default is 2 MiB): a week of the schedule touches a page of the
        // patient table per appointment, ~2,000 pages on a large clinic, which a 2 MiB cache evicts
        // between loads so every reload read them from the file again. An upper bound, not an allocation.
        QStringLiteral("PRAGMA cache_size = -%1").arg(pageCacheKiB),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return sqlError(query.lastError(), tr("Preparing the clinic database"));
    }
    return {};
}

Status Database::identify(bool created, int latestVersion)
{
    QSqlQuery query(connection());
    const QString what = tr("Reading %1").arg(QDir::toNativeSeparators(m_path));
    // Reading sqlite_schema touches page 1 and the schema: a damaged or foreign file fails here.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
        Error error = sqlError(query.lastError(), what);
        if (error.code() == QLatin1String("storage.corrupt")
            || query.lastError().nativeErrorCode() == QLatin1String("26"))
            return Error::storage(QStringLiteral("corrupt"),
                                  tr("%1 is damaged or is not a DermDesk clinic database (%2). It was left "
                                     "untouched; restore it from a backup.")
                                      .arg(QDir::toNativeSeparators(m_path), query.lastError().databaseText()));
        return error;
    }
    const int objects = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return sqlError(query.lastError(), what);
    const int application = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(query.lastError(), what);
    const int version = query.value(0).toInt();
    query.finish();

    if (application == 0 && version == 0 && objects == 0) {
        m_created = true;
        m_schemaVersion = 0;
        return {};
    }
    if (application != applicationId)
        return Error::storage(QStringLiteral("foreign"),
                              tr("%1 is a database, but not a DermDesk clinic database. It was left untouched.")
                                  .arg(QDir::toNativeSeparators(m_path)));
    if (version > latestVersion)
        return Error::storage(QStringLiteral("newer_schema"),
                              tr("%1 was written by a newer version of DermDesk (schema version %2; this "
                                 "program knows up to version %3). Update DermDesk on this workstation. The "
                                 "file was not changed.")
                                  .arg(QDir::toNativeSeparators(m_path))
                                  .arg(version)
                                  .arg(latestVersion));
    m_created = created && version == 0;
    m_schemaVersion = version;
    return {};
}

Status Database::migrate(bool created, const QStringList &scripts)
{
    QSqlQuery query(connection());
    const QString what = tr("Preparing the clinic database");
    if (!isInMemory()) {
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return sqlError(query.lastError(), what);
    }
    if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return sqlError(query.lastError(), what);
    query.finish();

    if (m_schemaVersion >= scripts.size())
        return {};

    if (!created && !isInMemory()) {
        if (Status integrity = checkIntegrity(); !integrity)
            return integrity;
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        m_backupPath = QStringLiteral("%1.v%2-%3.bak").arg(m_path).arg(m_schemaVersion).arg(stamp);
        if (Status copied = backupTo(m_backupPath); !copied)
            return copied;
    }

    for (int version = m_schemaVersion + 1; version <= scripts.size(); ++version) {
        QFile file(scripts.at(version - 1));
        if (!file.open(QIODevice::ReadOnly))
            return Error::storage(QStringLiteral("migration"),
                                  tr("The schema script %1 is missing from this program.").arg(file.fileName()));
        if (Status applied = applyMigration(version, QString::fromUtf8(file.readAll())); !applied)
            return applied;
        m_schemaVersion = version;
    }
    return {};
}

Status Database::applyMigration(int version, const QString &script)
{
    Transaction transaction(*this);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(connection());
    const QString what = tr("Upgrading the clinic database to schema version %1").arg(version);
    const QStringList statements = splitStatements(script);
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return sqlError(query.lastError(), what);
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return sqlError(query.lastError(), what);
    query.finish();
    return transaction.commit();
}

Status Database::backupTo(const QString &file) const
{
    const QString target = QFileInfo(file).absoluteFilePath();
    if (QFileInfo::exists(target))
        return Error::invalidInput(QStringLiteral("output"), tr("%1 already exists; a backup never overwrites a file.")
                                                                 .arg(QDir::toNativeSeparators(target)));
    if (!QFileInfo(target).absoluteDir().exists())
        return Error::invalidInput(QStringLiteral("output"), tr("The folder for the backup %1 does not exist.")
                                                                 .arg(QDir::toNativeSeparators(target)));
    // VACUUM INTO fills an empty file and keeps its owner-only mode.
    if (Status made = FilePrivacy::createEmptyFile(target); !made)
        return made;
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(target);
    if (!query.exec()) {
        const Error error =
            sqlError(query.lastError(), tr("Copying the clinic database to %1").arg(QDir::toNativeSeparators(target)));
        QFile::remove(target);
        return error;
    }
    return {};
}

Status Database::checkIntegrity() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
        return sqlError(query.lastError(), tr("Checking the clinic database"));
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return Error::storage(QStringLiteral("corrupt"),
                              tr("%1 is damaged (%2). It was left untouched; restore it from a backup.")
                                  .arg(QDir::toNativeSeparators(m_path), verdict));
    return {};
}

} // namespace dermdesk
