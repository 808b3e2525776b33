#include "CliContext.h"

#include "common/TextRules.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"
#include "storage/Database.h"
#include "storage/DatabaseFile.h"
#include "storage/FilePrivacy.h"
#include "storage/ServerAddress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdio>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli");

Error badOption(const QString &option, const QString &message)
{
    return Error::invalidInput(QStringLiteral("--") + option, message);
}

// `path` as one word for a POSIX shell.
QString shellWord(const QString &path)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+,=-]+$"));
    if (plain.match(path).hasMatch())
        return path;
    QString quoted = path;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

CliContext::CliContext(QString databasePath, bool json)
    : m_databasePath(std::move(databasePath))
    , m_json(json)
    , m_out(stdout)
    , m_err(stderr)
{
}

int CliContext::fail(const Error &error)
{
    QString line = QStringLiteral("dermdesk-cli: ") + error.message();
    if (!error.field().isEmpty())
        line += QStringLiteral(" [%1]").arg(error.field());
    m_err << TextRules::escaped(line, true) << Qt::endl;
    return error.exitCode();
}

void CliContext::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

void CliContext::printFields(const QList<std::pair<QString, QString>> &fields)
{
    qsizetype width = 0;
    for (const auto &field : fields)
        width = qMax(width, field.first.size());
    for (const auto &[label, value] : fields)
        m_out << (label + QLatin1Char(':')).leftJustified(width + 2) << shown(value) << '\n';
    m_out.flush();
}

QString CliContext::shown(const QString &text)
{
    return TextRules::escaped(text);
}

Result<std::unique_ptr<ClinicSession>> CliContext::openExisting(Access access) const
{
    ClinicSession::Options options;
    options.database.createIfMissing = false;
    options.database.migrate = false;
    options.database.readOnly = access == Access::Read;
    // An address that names no file (postgresql://...) is the clinic session's to accept or refuse; a server address
    // is read first so that a malformed one is invalid input (exit 2) rather than a storage failure.
    if (!ClinicSession::isFileLocation(m_databasePath)) {
        QString location = m_databasePath;
        if (ServerAddress::looksLikeServer(location)) {
            const Result<ServerAddress> address = ServerAddress::parse(location);
            if (!address)
                return address.error();
            location = address.value().toUri();
        }
        auto session = ClinicSession::open(location, options);
        if (session)
            session.value()->setActor(Actor::ofThisComputer());
        return session;
    }
    const QString absolute =
        m_databasePath.trimmed().isEmpty() ? m_databasePath : QFileInfo(m_databasePath).absoluteFilePath();
    const auto inspected = DatabaseFile::inspect(absolute, false, true);
    if (!inspected && inspected.error().kind() == ErrorKind::NotFound)
        return Error::notFound(QStringLiteral("database"), tr("There is no clinic database at %1 (it was not created).")
                                                               .arg(QDir::toNativeSeparators(absolute)));
    if (!inspected)
        return inspected.error();
    if (inspected.value())
        return Error::storage(QStringLiteral("foreign"),
                              tr("%1 is an empty file, not a DermDesk clinic database. It was left untouched.")
                                  .arg(QDir::toNativeSeparators(absolute)));
    // Before opening: SQLite makes a missing -wal/-shm with the file's mode and removes it on closing.
    warnIfExposed(absolute);
    auto session = ClinicSession::open(absolute, options);
    if (!session)
        return session.error();
    session.value()->setActor(Actor::ofThisComputer());
    return session;
}

void CliContext::warnIfExposed(const QString &databasePath) const
{
    const QStringList exposed = FilePrivacy::exposedDatabaseFiles(databasePath);
    if (exposed.isEmpty())
        return;
    QStringList shown;
    QStringList words;
    for (const QString &file : exposed) {
        shown.append(QDir::toNativeSeparators(file));
        words.append(shellWord(QDir::toNativeSeparators(file)));
    }
    m_err << tr("dermdesk-cli: warning: other people who use this computer can open the clinic's patient records "
                "in %1; make them private with: chmod 600 %2")
                 .arg(shown.join(QStringLiteral(", ")), words.join(QLatin1Char(' ')))
          << Qt::endl;
}

Result<qint64> CliContext::integer(const QCommandLineParser &parser, const QString &option, qint64 min, qint64 max,
                                   qint64 fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(option).trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max) {
        return badOption(option, tr("--%1 must be a whole number from %2 to %3, not \"%4\".")
                                     .arg(option)
                                     .arg(min)
                                     .arg(max)
                                     .arg(parser.value(option)));
    }
    return value;
}

Result<quint64> CliContext::unsignedInteger(const QCommandLineParser &parser, const QString &option, quint64 fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const quint64 value = parser.value(option).trimmed().toULongLong(&ok);
    if (!ok) {
        return badOption(option,
                         tr("--%1 must be a whole number of 0 or more, not \"%2\".").arg(option, parser.value(option)));
    }
    return value;
}

Result<QDate> CliContext::date(const QCommandLineParser &parser, const QString &option)
{
    if (!parser.isSet(option))
        return QDate();
    const QDate value = QDate::fromString(parser.value(option).trimmed(), QStringLiteral("yyyy-MM-dd"));
    if (!value.isValid()) {
        return badOption(option,
                         tr("--%1 must be a date written YYYY-MM-DD, not \"%2\".").arg(option, parser.value(option)));
    }
    return value;
}

Result<QString> CliContext::required(const QCommandLineParser &parser, const QString &option)
{
    const QString value = parser.value(option);
    if (value.trimmed().isEmpty())
        return badOption(option, tr("--%1 is required.").arg(option));
    return value;
}

} // namespace dermdesk::cli
