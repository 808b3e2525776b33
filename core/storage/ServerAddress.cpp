#include "ServerAddress.h"

#include "common/Translation.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ServerAddress");

const QRegularExpression &serverScheme()
{
    static const QRegularExpression scheme(QStringLiteral("^\\s*postgres(ql)?://"),
                                           QRegularExpression::CaseInsensitiveOption);
    return scheme;
}

// A libpq keyword value, quoted when it holds a space, a quote or a backslash (libpq's conninfo rules).
QString quoted(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[^\\s'\\\\;]+$"));
    if (plain.match(value).hasMatch())
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

bool ServerAddress::looksLikeServer(const QString &text)
{
    return serverScheme().match(text).hasMatch();
}

Result<ServerAddress> ServerAddress::parse(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    // The text shown in a refusal: without the password, whether written before the host or as ?password=.
    QUrl withoutPassword = url;
    if (QUrlQuery query(url); query.hasQueryItem(QStringLiteral("password"))) {
        query.removeAllQueryItems(QStringLiteral("password"));
        withoutPassword.setQuery(query);
    }
    const QString shown = url.isValid() ? withoutPassword.toDisplayString(QUrl::RemovePassword) : QString();
    const auto refused = [&](const QString &problem) {
        return Error::invalidInput(QStringLiteral("database"),
                                   tr("%1 is not a clinic server address: %2. Write it as "
                                      "postgresql://user@host:5432/clinic (libpq's URI form).")
                                       .arg(shown.isEmpty() ? tr("The address") : shown, problem));
    };
    if (!looksLikeServer(text))
        return refused(tr("it does not start with postgresql://"));
    if (!url.isValid())
        return refused(tr("it is malformed (%1)").arg(url.errorString().section(QLatin1Char(';'), 0, 0)));
    if (url.port() == 0 || url.port() > 65535)
        return refused(tr("the port must be between 1 and 65535"));

    ServerAddress address;
    address.m_host = url.host(QUrl::FullyDecoded);
    address.m_port = qMax(0, url.port());
    address.m_user = url.userName(QUrl::FullyDecoded);
    address.m_password = url.password(QUrl::FullyDecoded);
    address.m_database = url.path(QUrl::FullyDecoded).mid(1);
    if (address.m_database.contains(QLatin1Char('/')))
        return refused(tr("the database name holds a '/'"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            address.m_host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            address.m_port = value.toInt(&ok);
            if (!ok || address.m_port <= 0 || address.m_port > 65535)
                return refused(tr("the port must be between 1 and 65535"));
        } else if (key == QLatin1String("dbname")) {
            address.m_database = value;
        } else if (key == QLatin1String("user")) {
            address.m_user = value;
        } else if (key == QLatin1String("password")) {
            address.m_password = value;
        } else if (key.isEmpty()) {
            return refused(tr("a parameter has no name"));
        } else {
            address.m_parameters.append({key, value});
        }
    }
    if (address.m_database.isEmpty())
        return refused(tr("it names no database"));
    return address;
}

ServerAddress ServerAddress::fromParts(const QString &host, int port, const QString &database, const QString &user)
{
    ServerAddress address;
    address.m_host = host.trimmed();
    address.m_port = port;
    address.m_database = database.trimmed();
    address.m_user = user.trimmed();
    return address;
}

ServerAddress ServerAddress::withPassword(const QString &password) const
{
    ServerAddress copy = *this;
    copy.m_password = password;
    return copy;
}

ServerAddress ServerAddress::withDatabase(const QString &database) const
{
    ServerAddress copy = *this;
    copy.m_database = database;
    return copy;
}

ServerAddress ServerAddress::withParameter(const QString &key, const QString &value) const
{
    ServerAddress copy = *this;
    for (auto &[existing, existingValue] : copy.m_parameters) {
        if (existing == key) {
            existingValue = value;
            return copy;
        }
    }
    copy.m_parameters.append({key, value});
    return copy;
}

QString ServerAddress::parameter(const QString &key) const
{
    for (const auto &[existing, value] : m_parameters) {
        if (existing == key)
            return value;
    }
    return {};
}

QString ServerAddress::describe() const
{
    // libpq takes a host that starts with '/' (or '@', Linux's abstract namespace) as a Unix socket's folder, and no
    // host at all as the socket in its default folder: either way the server runs on this computer.
    const bool local = m_host.isEmpty() || m_host.startsWith(QLatin1Char('/')) || m_host.startsWith(QLatin1Char('@'));
    QStringList details;
    if (local && !m_host.isEmpty())
        details.append(tr("socket %1").arg(m_host));
    if (m_port > 0)
        details.append(tr("port %1").arg(m_port));
    QString where = local ? tr("this computer") : m_host;
    if (!details.isEmpty())
        where = QStringLiteral("%1 (%2)").arg(where, details.join(QStringLiteral(", ")));
    const QString who = m_user.isEmpty() ? where : tr("%1 on %2").arg(m_user, where);
    return tr("%1, database %2").arg(who, m_database);
}

QString ServerAddress::toUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    QUrlQuery query;
    // A socket folder goes in the query, and its port with it: a URI host cannot hold a '/'.
    const bool socket = m_host.startsWith(QLatin1Char('/'));
    if (socket)
        query.addQueryItem(QStringLiteral("host"), m_host);
    else
        url.setHost(m_host.isEmpty() ? QString() : m_host);
    if (m_port > 0 && socket)
        query.addQueryItem(QStringLiteral("port"), QString::number(m_port));
    else if (m_port > 0)
        url.setPort(m_port);
    url.setUserName(m_user);
    url.setPassword(m_password);
    url.setPath(QLatin1Char('/') + m_database);
    for (const auto &[key, value] : m_parameters)
        query.addQueryItem(key, value);
    if (!query.isEmpty())
        url.setQuery(query);
    QString text = url.toString(QUrl::FullyEncoded);
    // QUrl writes "postgresql:/clinic" for an address with no host; libpq needs the empty authority.
    if (url.authority().isEmpty() && !text.startsWith(QLatin1String("postgresql://")))
        text.replace(0, int(qstrlen("postgresql:")), QStringLiteral("postgresql://"));
    return text;
}

QString ServerAddress::driverOptions() const
{
    QStringList options;
    for (const auto &[key, value] : m_parameters)
        options.append(key + QLatin1Char('=') + quoted(value));
    return options.join(QLatin1Char(';'));
}

} // namespace dermdesk
