#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace dermdesk {

// Where a clinic lives on a database server, as a person writes it: a libpq connection URI,
// postgresql://user@host:5432/clinic?sslmode=require (also postgres://). The host may be a name, an address or, for a
// Unix socket, a folder (postgresql:///clinic?host=/run/postgresql, or the folder percent-encoded as the host). Every
// query parameter is a libpq connection parameter passed through as it is (sslmode, sslrootcert, connect_timeout,
// application_name, service, ...).
//
// The password is never part of what is shown or remembered: display() and withoutPassword() drop it. When the
// address carries none, libpq's own places are used (PGPASSWORD, ~/.pgpass, a service file), or the desktop asks.
class ServerAddress
{
public:
    // Parses `text`; a location that is not a postgresql:// or postgres:// URI, or one that names no database, is
    // the Invalid error "database" saying what a clinic server address looks like (the text shown without its
    // password).
    [[nodiscard]] static Result<ServerAddress> parse(const QString &text);
    // Whether `text` is written as a server address (starts with postgresql:// or postgres://), well formed or not.
    [[nodiscard]] static bool looksLikeServer(const QString &text);
    // An address from the parts a form asks for; `host` may be a socket folder; port 0 leaves libpq's default.
    [[nodiscard]] static ServerAddress fromParts(const QString &host, int port, const QString &database,
                                                 const QString &user);

    [[nodiscard]] QString host() const { return m_host; }
    // 0 when the address names none (libpq's default, 5432).
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString database() const { return m_database; }
    [[nodiscard]] QString user() const { return m_user; }
    [[nodiscard]] QString password() const { return m_password; }
    [[nodiscard]] bool hasPassword() const { return !m_password.isEmpty(); }
    // The libpq parameters other than host, port, dbname, user and password, in the order written.
    [[nodiscard]] const QList<std::pair<QString, QString>> &parameters() const { return m_parameters; }

    [[nodiscard]] ServerAddress withPassword(const QString &password) const;
    [[nodiscard]] ServerAddress withoutPassword() const { return withPassword(QString()); }
    [[nodiscard]] ServerAddress withDatabase(const QString &database) const;
    // The address with the libpq parameter `key` set to `value` (replacing the one written, else added last).
    [[nodiscard]] ServerAddress withParameter(const QString &key, const QString &value) const;
    // The value of the libpq parameter `key`; null when the address does not set it.
    [[nodiscard]] QString parameter(const QString &key) const;

    // The address as a URI, password included when it has one (for connecting only; never shown or stored).
    [[nodiscard]] QString toUri() const;
    // The address for people and for remembering: the URI without any password.
    [[nodiscard]] QString display() const { return withoutPassword().toUri(); }
    // The address as a person reads it, never with the password: who, on which server, which database ("desk on
    // clinic-server (port 5432), database clinic"; a socket folder: "postgres on this computer (socket /tmp/pg,
    // port 55440), database clinic").
    [[nodiscard]] QString describe() const;
    // The parameters Qt's QPSQL driver takes in QSqlDatabase::setConnectOptions (libpq keywords, ';' separated),
    // values quoted as libpq requires.
    [[nodiscard]] QString driverOptions() const;

    friend bool operator==(const ServerAddress &, const ServerAddress &) = default;

private:
    QString m_host;
    int m_port = 0;
    QString m_database;
    QString m_user;
    QString m_password;
    QList<std::pair<QString, QString>> m_parameters;
};

} // namespace dermdesk
