#include "ScratchClinic.h"

#include "DemoDatabase.h"
#include "storage/Database.h"
#include "storage/ServerAddress.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace dermdesk::bench {

namespace {

QString quotedName(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// An administrative connection to the server of `address`, on its "postgres" database (a database cannot be
// copied over a connection to itself).
QSqlDatabase adminConnection(const ServerAddress &address, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(address.host());
    if (address.port() > 0)
        db.setPort(address.port());
    db.setDatabaseName(QStringLiteral("postgres"));
    db.setUserName(address.user());
    db.setPassword(address.password());
    db.setConnectOptions(address.driverOptions());
    return db;
}

} // namespace

bool isServerLocation(const QString &location)
{
    return ServerAddress::looksLikeServer(location);
}

ScratchClinic::ScratchClinic(const QString &location, Kind kind)
    : m_server(isServerLocation(location))
{
    if (!m_server) {
        m_folder = std::make_unique<QTemporaryDir>(
            kind == Kind::CopyOf ? QFileInfo(location).absolutePath() + QStringLiteral("/bench-XXXXXX") : QString());
        if (!m_folder->isValid()) {
            m_failure = QStringLiteral("no temporary folder beside the database");
            return;
        }
        const QString file = m_folder->filePath(QStringLiteral("copy.dermdesk"));
        if (kind == Kind::CopyOf) {
            const DemoDatabase source = openDemo(location);
            if (!source.failure.isEmpty()) {
                m_failure = source.failure;
                return;
            }
            if (!source.database->backupTo(file)) {
                m_failure = QStringLiteral("could not copy the database");
                return;
            }
        }
        m_location = file;
        return;
    }

    const Result<ServerAddress> address = ServerAddress::parse(location);
    if (!address) {
        m_failure = address.error().message();
        return;
    }
    static int copies = 0;
    ++copies;
    m_database = QStringLiteral("%1_bench_%2_%3")
                     .arg(address.value().database().left(30))
                     .arg(QCoreApplication::applicationPid())
                     .arg(copies);
    m_connection = QStringLiteral("dermdesk-bench-admin-%1").arg(copies);
    {
        QSqlDatabase admin = adminConnection(address.value(), m_connection);
        if (!admin.open()) {
            m_failure =
                QStringLiteral("cannot connect to the server's postgres database: %1").arg(admin.lastError().text());
            return;
        }
        // FILE_COPY: the template's files are copied at a checkpoint rather than written through the WAL, much
        // faster for a large clinic.
        const QString sql = kind == Kind::CopyOf
                                ? QStringLiteral("CREATE DATABASE %1 TEMPLATE %2 STRATEGY FILE_COPY")
                                      .arg(quotedName(m_database), quotedName(address.value().database()))
                                : QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(quotedName(m_database));
        QSqlQuery query(admin);
        if (!query.exec(sql)) {
            m_failure = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
            m_database.clear();
            return;
        }
    }
    m_location = address.value().withDatabase(m_database).toUri();
}

ScratchClinic::~ScratchClinic()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase admin = QSqlDatabase::database(m_connection, false);
        if (!m_database.isEmpty() && admin.isOpen()) {
            QSqlQuery query(admin);
            query.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quotedName(m_database)));
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ScratchClinic::how() const
{
    return m_server ? QStringLiteral("a copy database (CREATE DATABASE … TEMPLATE, dropped after)")
                    : QStringLiteral("a copy (SQLite backup, removed after)");
}

} // namespace dermdesk::bench
