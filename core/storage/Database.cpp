#include "Database.h"

#include "DatabaseFile.h"
#include "FilePrivacy.h"
#include "IntegrityCheck.h"
#include "ServerAddress.h"
#include "SqlError.h"
#include "SqliteEngine.h"
#include "Transaction.h"
#include "common/Translation.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::Database");

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("dermdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

QStringList Database::migrationScripts(const QString &folder)
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
    // The read-only connection of a background check closes first: the last connection to close removes
    // the -wal and -shm files, which only a writable one can.
    m_check.reset();
    if (m_engine)
        m_engine->statements().clear();
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
    if (ServerAddress::looksLikeServer(path))
        return openServer(path, options);
    const bool inMemory = path == memoryPath();
    const QString absolute = inMemory || path.trimmed().isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    bool created = inMemory;

    if (!inMemory) {
        const auto inspected =
            DatabaseFile::inspect(absolute, options.createIfMissing && !options.readOnly, options.readOnly);
        if (!inspected)
            return inspected.error();
        created = inspected.value();
    }

    const bool existedBefore = !inMemory && QFileInfo::exists(absolute);
    // A new clinic file is owner-only before SQLite writes to it; SQLite gives -wal and -shm its mode.
    if (!inMemory && created && !options.readOnly) {
        const Status made =
            existedBefore ? FilePrivacy::restrictToOwner(absolute) : FilePrivacy::createEmptyFile(absolute);
        if (!made)
            return made.error();
    }
    const qint64 sizeBefore = existedBefore ? QFileInfo(absolute).size() : 0;
    std::unique_ptr<Database> database(new Database(absolute, nextConnectionName()));
    database->m_readOnly = options.readOnly;
    database->m_engine = std::make_unique<SqliteEngine>(database->m_connectionName, absolute, options.readOnly);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        db.setDatabaseName(absolute);
        QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
        // Reading only: a rollback-journal file is opened read-only, so not even a journal is written. A WAL
        // file is opened for writing but with query_only set (configure()): a read-only connection would
        // leave the -wal and -shm files it creates behind, a writable one removes them on closing.
        const bool walWritable = DatabaseFile::usesWriteAheadLog(absolute) && QFileInfo(absolute).isWritable()
                                 && QFileInfo(QFileInfo(absolute).absolutePath()).isWritable();
        if (options.readOnly && !walWritable)
            connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(connectOptions);
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
    const bool older = database->m_schemaVersion < scripts.size() && !database->m_created;
    if (status && older && (!options.migrate || options.readOnly))
        status = Error::storage(QStringLiteral("older_schema"),
                                tr("%1 uses an older schema (version %2) and must be upgraded by the DermDesk "
                                   "desktop program first. The file was not changed.")
                                    .arg(QDir::toNativeSeparators(absolute))
                                    .arg(database->m_schemaVersion));
    if (status && !database->m_created && !inMemory)
        status = database->verify(options, sizeBefore);
    if (status && database->m_damage && (older || !options.openDamaged))
        status = *database->m_damage;
    if (status && !database->m_readOnly && !database->m_damage)
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

Database::Reopening Database::reopening() const
{
    return Reopening{m_path, m_connectionName, isOnServer(), m_busyTimeoutMs};
}

Result<std::unique_ptr<Database>> Database::openAgain(const Reopening &reopening)
{
    if (reopening.onServer)
        return openServerAgain(reopening);
    if (reopening.path == memoryPath())
        return Error::storage(QStringLiteral("in_memory"),
                              tr("A clinic kept in memory cannot be opened a second time; it has no file to read."));
    Options options;
    options.createIfMissing = false;
    options.migrate = false;
    options.readOnly = true;
    options.busyTimeoutMs = reopening.busyTimeoutMs;
    options.verification = Options::Verification::AlreadyChecked;
    return open(reopening.path, options);
}

Status Database::verify(const Options &options, qint64 fileSize)
{
    if (options.verification == Options::Verification::AlreadyChecked)
        return {};
    const bool needsMigration = m_schemaVersion < latestSchemaVersion() && !m_readOnly;
    if (options.verification == Options::Verification::InBackground && !needsMigration
        && fileSize > options.backgroundCheckAboveBytes) {
        m_check = std::make_unique<IntegrityCheck>(m_path);
        return {};
    }
    const auto verdict = IntegrityCheck::runOnFile(m_path);
    if (!verdict)
        return verdict.error();
    if (verdict.value())
        markDamaged(*verdict.value());
    return {};
}

void Database::markDamaged(const QString &problem) const
{
    if (m_damage)
        return;
    m_damage = DatabaseFile::damaged(m_path, problem);
    // The last line of defence: SQLite itself refuses every write on this connection from now on.
    QSqlQuery query(connection());
    query.exec(QStringLiteral("PRAGMA query_only = ON"));
}

Database::Health Database::health() const
{
    if (m_damage)
        return Health::Damaged;
    if (m_check && !m_check->isFinished())
        return Health::Checking;
    if (m_check) {
        if (const auto problem = m_check->wait()) {
            markDamaged(*problem);
            return Health::Damaged;
        }
    }
    return Health::Sound;
}

Error Database::damage() const
{
    return m_damage.value_or(Error());
}

Status Database::writable() const
{
    if (m_connectionLoss)
        return Error::storage(QStringLiteral("unreachable"),
                              tr("The clinic server cannot be reached; nothing was saved. DermDesk is "
                                 "reconnecting…"));
    if (m_readOnly)
        return Error::storage(QStringLiteral("read_only"),
                              tr("%1 was opened for reading only; nothing can be changed in it.")
                                  .arg(QDir::toNativeSeparators(m_path)));
    if (m_check && !m_damage) {
        if (const auto problem = m_check->wait())
            markDamaged(*problem);
    }
    if (m_damage)
        return *m_damage;
    return {};
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
        QStringLiteral("PRAGMA query_only = %1").arg(options.readOnly ? 1 : 0),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return sqlError(query.lastError(), tr("Preparing the clinic database"));
    }
    return {};
}

Status Database::identify(bool created, int latestVersion)
{
    const Result<StorageEngine::SchemaStamp> stamp = m_engine->schemaStamp();
    if (!stamp)
        return stamp.error();
    const int objects = stamp.value().objects;
    const int application = stamp.value().applicationId;
    const int version = stamp.value().version;

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
    if (!isOnServer()) {
        QSqlQuery query(connection());
        const QString what = tr("Preparing the clinic database");
        if (!isInMemory()) {
            if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
                return sqlError(query.lastError(), what);
        }
        if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
            return sqlError(query.lastError(), what);
    }

    if (m_schemaVersion >= scripts.size())
        return {};

    // open() has verified an existing file before this point (never in the background when migrating).
    if (!created && !isInMemory() && !isOnServer()) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        m_backupPath = QStringLiteral("%1.v%2-%3.bak").arg(m_path).arg(m_schemaVersion).arg(stamp);
        if (Status copied = backupTo(m_backupPath); !copied)
            return copied;
    }

    const int latest = int(scripts.size());
    while (m_schemaVersion < latest) {
        const int version = m_schemaVersion + 1;
        QFile file(scripts.at(version - 1));
        if (!file.open(QIODevice::ReadOnly))
            return Error::storage(QStringLiteral("migration"),
                                  tr("The schema script %1 is missing from this program.").arg(file.fileName()));
        if (Status applied = applyMigration(version, QString::fromUtf8(file.readAll()), latest); !applied)
            return applied;
    }
    return {};
}

Status Database::applyMigration(int version, const QString &script, int latestVersion)
{
    Transaction transaction(*this);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    // The write lock taken by begin() orders the migrations of every desk and program opening the clinic at once
    // (two desks setting up one empty server database, a desk and dermdesk-cli copy-clinic): the stamp read under it
    // says what the others applied meanwhile, and a migration found applied is not run again. A clinic another desk
    // created is opened as an existing one (wasCreated() is false).
    const bool creating = m_created;
    if (Status current = identify(creating, latestVersion); !current)
        return current;
    // The desk that applies the first migration created the clinic; the desks may share the later ones.
    m_created = creating && (version > 1 || m_schemaVersion == 0);
    if (m_schemaVersion >= version)
        return {};
    QSqlQuery query(connection());
    const QString what = tr("Upgrading the clinic database to schema version %1").arg(version);
    const QStringList statements = m_engine->scriptStatements(script);
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return m_engine->error(query.lastError(), what);
    }
    query.finish();
    if (Status stamped = m_engine->setSchemaVersion(version); !stamped)
        return stamped;
    if (Status committed = transaction.commit(); !committed)
        return committed;
    m_schemaVersion = version;
    return {};
}

Status Database::backupTo(const QString &file, const StorageEngine::BackupWatch &watch) const
{
    // A copy of a damaged file would carry the damage and could later be taken for a sound backup.
    if (health() == Health::Damaged)
        return damage();
    const QString target = QFileInfo(file).absoluteFilePath();
    if (QFileInfo::exists(target))
        return Error::invalidInput(QStringLiteral("output"), tr("%1 already exists; a backup never overwrites a file.")
                                                                 .arg(QDir::toNativeSeparators(target)));
    if (!QFileInfo(target).absoluteDir().exists())
        return Error::invalidInput(QStringLiteral("output"), tr("The folder for the backup %1 does not exist.")
                                                                 .arg(QDir::toNativeSeparators(target)));
    // The engine fills the empty file, which keeps its owner-only mode.
    if (Status made = FilePrivacy::createEmptyFile(target); !made)
        return made;
    if (Status copied = m_engine->backupTo(target, watch); !copied) {
        QFile::remove(target);
        return copied;
    }
    return {};
}

Status Database::checkIntegrity() const
{
    // A server checks its own pages (data checksums, its logs); there is no file here to read.
    if (isOnServer())
        return {};
    const auto verdict = isInMemory() ? IntegrityCheck::run(nativeHandle()) : IntegrityCheck::runOnFile(m_path);
    if (!verdict)
        return verdict.error();
    if (verdict.value())
        return DatabaseFile::damaged(m_path, *verdict.value());
    return {};
}

} // namespace dermdesk
