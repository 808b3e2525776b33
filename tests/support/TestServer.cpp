#include "TestServer.h"

#include "storage/Database.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace dermdesk::test {

TestEngine testEngine()
{
    const QByteArray engine = qgetenv("DERMDESK_TEST_ENGINE").trimmed().toLower();
    return engine == "postgresql" ? TestEngine::PostgreSql : TestEngine::Sqlite;
}

namespace TestServer {

namespace {

Error serverError(const QString &message)
{
    return Error::storage(QStringLiteral("test-server"), message);
}

QString quotedName(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// A QPSQL connection of its own to the cluster's maintenance database, removed when it goes out of scope.
class MaintenanceConnection
{
public:
    MaintenanceConnection()
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("dermdesk_test_server_%1").arg(counter.fetchAndAddRelaxed(1));
    }
    ~MaintenanceConnection()
    {
        if (QSqlDatabase::contains(m_name)) {
            QSqlDatabase::database(m_name, false).close();
            QSqlDatabase::removeDatabase(m_name);
        }
    }
    MaintenanceConnection(const MaintenanceConnection &) = delete;
    MaintenanceConnection &operator=(const MaintenanceConnection &) = delete;

    Status open()
    {
        const auto server = address();
        if (!server)
            return server.error();
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return serverError(QStringLiteral("Qt's PostgreSQL driver QPSQL is not installed (Debian package "
                                              "libqt6sql6-psql); the drivers found: %1")
                                   .arg(QSqlDatabase::drivers().join(QStringLiteral(", "))));
        const ServerAddress &at = server.value();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(at.host());
        if (at.port() > 0)
            db.setPort(at.port());
        db.setUserName(at.user());
        db.setPassword(at.password());
        db.setDatabaseName(at.database());
        db.setConnectOptions(at.driverOptions());
        if (!db.open())
            return serverError(QStringLiteral("Cannot connect to the test cluster at %1: %2")
                                   .arg(at.display(), db.lastError().text()));
        return {};
    }

    Status exec(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql))
            return serverError(QStringLiteral("%1: %2").arg(sql, query.lastError().text()));
        return {};
    }

    Result<QVariant> scalar(const QString &sql, const QVariant &value) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.prepare(sql);
        query.addBindValue(value);
        if (!query.exec())
            return serverError(QStringLiteral("%1: %2").arg(sql, query.lastError().text()));
        return query.next() ? query.value(0) : QVariant();
    }

private:
    QString m_name;
};

// Runs `sql` on a maintenance connection of its own.
Status run(const QString &sql)
{
    MaintenanceConnection connection;
    if (auto opened = connection.open(); !opened)
        return opened;
    return connection.exec(sql);
}

// The advisory lock the test processes take to look for the migrated template and make it (any number no other
// lock on the test cluster uses).
constexpr qint64 templateLockKey = 0x64657264;

QMutex templateMutex;
QString templateName;

// What the migrated template depends on: the PostgreSQL schema scripts this program carries, as a short digest.
QString schemaDigest()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QDir scripts(QStringLiteral(":/sql/postgresql"));
    for (const QString &name : scripts.entryList(QDir::Files, QDir::Name)) {
        QFile file(scripts.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            hash.addData(name.toUtf8() + '\0' + file.readAll() + '\0');
    }
    return QString::fromLatin1(hash.result().toHex().left(12));
}

} // namespace

Result<ServerAddress> address()
{
    const QString text = qEnvironmentVariable("DERMDESK_TEST_SERVER");
    if (text.isEmpty())
        return serverError(QStringLiteral(
            "DERMDESK_TEST_SERVER is not set: the PostgreSQL tests run under ctest, which starts the test cluster "
            "(fixture postgresql_cluster_start, tests/support/pgcluster.sh) and sets it"));
    auto parsed = ServerAddress::parse(text);
    if (!parsed)
        return serverError(QStringLiteral("DERMDESK_TEST_SERVER: %1").arg(parsed.error().message()));
    return parsed;
}

QString uniqueDatabaseName()
{
    static QAtomicInt counter;
    return QStringLiteral("dermdesk_test_%1_%2")
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetchAndAddRelaxed(1));
}

Status createDatabase(const QString &name, const QString &templateName)
{
    QString sql = QStringLiteral("CREATE DATABASE %1").arg(quotedName(name));
    if (!templateName.isEmpty())
        sql += QStringLiteral(" TEMPLATE %1").arg(quotedName(templateName));
    return run(sql);
}

Status dropDatabase(const QString &name)
{
    return run(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quotedName(name)));
}

Result<bool> databaseExists(const QString &name)
{
    MaintenanceConnection connection;
    if (auto opened = connection.open(); !opened)
        return opened.error();
    auto found = connection.scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"), name);
    if (!found)
        return found.error();
    return found.value().toInt() == 1;
}

Result<QString> migratedTemplate()
{
    const QMutexLocker lock(&templateMutex);
    if (!templateName.isEmpty())
        return templateName;
    const auto server = address();
    if (!server)
        return server.error();
    const QString name = QStringLiteral("dermdesk_template_%1").arg(schemaDigest());

    // One process at a time looks for the template and makes it when it is missing; the others wait here, then find
    // it. The lock ends with the connection, also when a process dies half-way.
    MaintenanceConnection connection;
    if (auto opened = connection.open(); !opened)
        return opened.error();
    if (auto locked = connection.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(templateLockKey)); !locked)
        return locked.error();
    auto found = connection.scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"), name);
    if (!found)
        return found.error();
    if (found.value().toInt() == 0) {
        // Made under a name of this process's own and renamed when complete, so a process that dies half-way leaves
        // no template that others would copy.
        const QString building =
            QStringLiteral("dermdesk_template_building_%1").arg(QCoreApplication::applicationPid());
        (void)dropDatabase(building);
        if (auto created = createDatabase(building); !created)
            return created.error();
        {
            auto opened = Database::open(server.value().withDatabase(building).toUri());
            if (!opened) {
                (void)dropDatabase(building);
                return serverError(
                    QStringLiteral("Setting up the template database %1: %2").arg(building, opened.error().message()));
            }
        }
        // A copy needs the template to itself: end any connection the set-up left behind, and allow none later.
        for (const QString &sql :
             {QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1' AND pid <> "
                             "pg_backend_pid()")
                  .arg(building),
              QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(quotedName(building), quotedName(name)),
              QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")
                  .arg(quotedName(name))}) {
            if (auto done = connection.exec(sql); !done) {
                (void)dropDatabase(building);
                return done.error();
            }
        }
    }
    templateName = name;
    return templateName;
}

} // namespace TestServer

} // namespace dermdesk::test
