// Database's opener for a clinic on a PostgreSQL server (see Database::open).

#include "Database.h"
#include "PostgresEngine.h"
#include "ServerAddress.h"
#include "common/Translation.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::Database");

// libpq gives up on a server that does not answer after this many seconds unless the address says otherwise.
constexpr int defaultConnectTimeoutSeconds = 10;

QString nextServerConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("dermdesk-server-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The libpq parameters the driver passes on besides host, port, database, user and password: the address's own,
// and a connect timeout and application name unless it names them. `connectTimeoutSeconds`, when positive, bounds
// the wait whatever the address says.
QString connectOptions(const ServerAddress &address, int connectTimeoutSeconds)
{
    QStringList options;
    if (!address.driverOptions().isEmpty())
        options.append(address.driverOptions());
    const auto named = [&](const char *key) {
        return std::any_of(address.parameters().cbegin(), address.parameters().cend(),
                           [key](const auto &parameter) { return parameter.first == QLatin1String(key); });
    };
    // libpq takes the last of a parameter given twice.
    if (connectTimeoutSeconds > 0)
        options.append(QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds));
    else if (!named("connect_timeout"))
        options.append(QStringLiteral("connect_timeout=%1").arg(defaultConnectTimeoutSeconds));
    if (!named("application_name"))
        options.append(QStringLiteral("application_name=DermDesk"));
    return options.join(QLatin1Char(';'));
}

} // namespace

Result<std::unique_ptr<Database>> Database::openServer(const QString &location, const Options &options)
{
    const Result<ServerAddress> parsed = ServerAddress::parse(location);
    if (!parsed)
        return parsed.error();
    const ServerAddress &address = parsed.value();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error::storage(QStringLiteral("driver"),
                              tr("This DermDesk cannot reach a clinic server: Qt's PostgreSQL driver is not "
                                 "installed (Debian package libqt6sql6-psql)."));

    std::unique_ptr<Database> database(new Database(address.display(), nextServerConnectionName()));
    database->m_readOnly = options.readOnly;
    database->m_busyTimeoutMs = options.busyTimeoutMs;
    Database *const opened = database.get();
    database->m_engine =
        std::make_unique<PostgresEngine>(database->m_connectionName, address, options.readOnly,
                                         [opened](const Error &error) { opened->connectionLost(error); });
    std::optional<Error> failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), database->m_connectionName);
        db.setHostName(address.host());
        if (address.port() > 0)
            db.setPort(address.port());
        db.setDatabaseName(address.database());
        db.setUserName(address.user());
        db.setPassword(address.password());
        db.setConnectOptions(connectOptions(address, 0));
        if (!db.open())
            failure = PostgresEngine::connectionError(db.lastError(), address);
    }
    // Closed only once no handle of the connection is left (else Qt warns on stderr that it is still in use).
    if (failure) {
        database.reset();
        return *failure;
    }

    const QStringList scripts = migrationScripts(options.migrationsFolder + QStringLiteral("/postgresql"));
    Status status = database->configureServer(options);
    if (status && scripts.size() != latestSchemaVersion())
        status = Error::storage(QStringLiteral("migration"),
                                tr("This program lacks its server schema scripts (it has %1 of %2).")
                                    .arg(scripts.size())
                                    .arg(latestSchemaVersion()));
    if (status)
        status = database->identify(false, int(scripts.size()));
    if (status && database->m_created && (!options.createIfMissing || options.readOnly))
        status = Error::storage(QStringLiteral("empty"),
                                tr("The database %1 on the clinic server is empty: it holds no clinic yet. Open it "
                                   "in the DermDesk desktop program to set it up, or copy a clinic into it with "
                                   "dermdesk-cli copy-clinic.")
                                    .arg(database->m_path));
    const bool older = database->m_schemaVersion < scripts.size() && !database->m_created;
    if (status && older && (!options.migrate || options.readOnly))
        status = Error::storage(QStringLiteral("older_schema"),
                                tr("The clinic on %1 uses an older schema (version %2) and must be upgraded by the "
                                   "DermDesk desktop program first. Nothing was changed.")
                                    .arg(database->m_path)
                                    .arg(database->m_schemaVersion));
    if (status && !database->m_readOnly)
        status = database->migrate(database->m_created, scripts);
    if (!status)
        return status.error();
    return database;
}

Result<std::unique_ptr<Database>> Database::openServerAgain(const Reopening &reopening)
{
    // The address as shown (without password) names the clinic in messages; the connection itself is a clone of the
    // first one, with its password.
    const Result<ServerAddress> parsed = ServerAddress::parse(reopening.path);
    if (!parsed)
        return parsed.error();
    std::unique_ptr<Database> database(new Database(reopening.path, nextServerConnectionName()));
    database->m_readOnly = true;
    database->m_busyTimeoutMs = reopening.busyTimeoutMs;
    database->m_engine = std::make_unique<PostgresEngine>(database->m_connectionName, parsed.value(), true);
    std::optional<Error> failure;
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(reopening.connectionName, database->m_connectionName);
        if (!db.open())
            failure = PostgresEngine::connectionError(db.lastError(), parsed.value());
    }
    if (failure) {
        database.reset();
        return *failure;
    }
    Options options;
    options.readOnly = true;
    options.busyTimeoutMs = reopening.busyTimeoutMs;
    Status status = database->configureServer(options);
    if (status)
        status = database->identify(false, latestSchemaVersion());
    if (!status)
        return status.error();
    return database;
}

void Database::connectionLost(const Error &error) const
{
    if (m_connectionLoss)
        return;
    m_connectionLoss = error;
    if (m_lossObserver)
        m_lossObserver(error);
}

Status Database::reconnect(int connectTimeoutSeconds)
{
    if (!isOnServer())
        return {};
    const auto &engine = static_cast<const PostgresEngine &>(*m_engine);
    {
        // A server forgets its prepared statements with the connection.
        m_engine->statements().clear();
        QSqlDatabase db = connection();
        // Closing drops the driver's notifier on the old socket; the driver, its signals and its settings stay.
        db.close();
        db.setConnectOptions(connectOptions(engine.address(), connectTimeoutSeconds));
        const bool opened = db.open();
        db.setConnectOptions(connectOptions(engine.address(), 0));
        if (!opened) {
            const Error error = PostgresEngine::connectionError(db.lastError(), engine.address());
            if (!m_connectionLoss)
                m_connectionLoss = error;
            return error;
        }
    }
    Options options;
    options.busyTimeoutMs = m_busyTimeoutMs;
    options.readOnly = m_readOnly;
    if (Status configured = configureServer(options); !configured) {
        connection().close();
        if (!m_connectionLoss)
            m_connectionLoss = configured.error();
        return configured;
    }
    m_connectionLoss.reset();
    engine.reconnected();
    return {};
}

Status Database::configureServer(const Options &options)
{
    QSqlQuery query(connection());
    const QString what = tr("Preparing the connection to the clinic server");
    const QStringList settings = {
        // A desk waits this long for another desk's write (the write lock), then says the clinic is busy.
        QStringLiteral("SET lock_timeout = %1").arg(qMax(1, options.busyTimeoutMs)),
        QStringLiteral("SET client_min_messages = warning"),
        QStringLiteral("SET default_transaction_read_only = %1").arg(options.readOnly ? u"on" : u"off"),
        // A clinic's tables stay in the server's memory, where a row read through an index costs about what one read
        // in sequence does. At PostgreSQL's default (4, set for spinning disks) the planner reads the whole patient
        // table to name a week's appointments (and to search patients) instead of looking up the few it needs.
        QStringLiteral("SET random_page_cost = 1.1"),
        // Compiling a statement to machine code pays off for reports over millions of rows, never for a desk's short
        // reads: the recall list's estimate crosses the threshold and then spends most of a second compiling.
        QStringLiteral("SET jit = off"),
    };
    for (const QString &setting : settings) {
        if (!query.exec(setting))
            return m_engine->error(query.lastError(), what);
    }
    // Overlaps are refused by exclusion constraints over btree_gist: a server without it cannot hold a clinic.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = 'btree_gist'"))
        || !query.next())
        return m_engine->error(query.lastError(), what);
    if (query.value(0).toInt() == 0)
        return Error::storage(QStringLiteral("btree_gist"),
                              tr("The clinic server %1 lacks the btree_gist extension, which DermDesk needs to "
                                 "refuse double bookings. Install the server's contrib package (Debian: "
                                 "postgresql-contrib) and try again.")
                                  .arg(m_path));
    return {};
}

} // namespace dermdesk
