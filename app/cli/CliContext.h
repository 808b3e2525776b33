#pragma once

#include "common/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTextStream>

#include <memory>
#include <utility>

class QCommandLineParser;

namespace dermdesk {
class ClinicSession;
}

namespace dermdesk::cli {

// What every command shares: the global options, stdout/stderr, turning an Error into its
// message and exit code, opening the clinic (a ClinicSession), and reading option values.
class CliContext
{
public:
    CliContext(QString databasePath, bool json);

    [[nodiscard]] const QString &databasePath() const { return m_databasePath; }
    [[nodiscard]] bool json() const { return m_json; }
    [[nodiscard]] QTextStream &out() { return m_out; }
    [[nodiscard]] QTextStream &err() { return m_err; }

    // Prints `error` on stderr, naming its field or rule, and returns its exit code
    // (2 invalid input, 3 refused by a rule, 4 not found, 5 storage). Control and invisible characters in
    // the message (it may quote input or stored text) are shown escaped, as shown() does; line breaks stay.
    int fail(const Error &error);
    // Prints `object` on stdout as one line of JSON.
    void printJson(const QJsonObject &object);
    // Prints "label: value" lines on stdout, labels aligned, each value shown().
    void printFields(const QList<std::pair<QString, QString>> &fields);

    // Stored or typed text as plain output shows it: control characters, direction overrides and invisible
    // characters written as visible escapes (\t, \r, \e, \u202e, ...; TextRules::escaped), so that text
    // cannot rewrite the terminal line, break columns or disguise itself. JSON output never uses it.
    [[nodiscard]] static QString shown(const QString &text);

    // What a command does with the clinic database.
    enum class Access {
        // Only reads: the file is opened read-only and left byte for byte as it was.
        Read,
        // May write (every write still runs in a Transaction).
        Write,
    };
    // Opens the existing clinic at databasePath() as a session whose actor is this computer's user and host
    // (Actor::ofThisComputer): never creates a file (NotFound when it is missing, Storage when its folder is
    // missing) and never migrates or otherwise changes one it cannot use (Storage). A folder, a device, a pipe
    // and a damaged file (quick_check, before any command runs) are refused (Storage, exit 5), whatever the
    // access. When the file or its -wal/-shm can be read by others, a warning on stderr names them and the
    // command that makes them private; their permissions are left as they are. Commands use the session's
    // services (ClinicSession::service) and never build repositories themselves.
    // A clinic server's address (postgresql://...) is read with ServerAddress first (a malformed one is InvalidInput,
    // exit 2) and opened by ClinicSession: the database must exist and be a DermDesk clinic (else Storage, exit 5);
    // messages show the address without its password.
    [[nodiscard]] Result<std::unique_ptr<ClinicSession>> openExisting(Access access = Access::Write) const;

    // Option values, each error naming the option ("--patients").
    [[nodiscard]] static Result<qint64> integer(const QCommandLineParser &parser, const QString &option, qint64 min,
                                                qint64 max, qint64 fallback);
    [[nodiscard]] static Result<quint64> unsignedInteger(const QCommandLineParser &parser, const QString &option,
                                                         quint64 fallback);
    // A YYYY-MM-DD date; an invalid QDate when the option is absent.
    [[nodiscard]] static Result<QDate> date(const QCommandLineParser &parser, const QString &option);
    [[nodiscard]] static Result<QString> required(const QCommandLineParser &parser, const QString &option);

private:
    void warnIfExposed(const QString &databasePath) const;

    QString m_databasePath;
    bool m_json = false;
    QTextStream m_out;
    // Warnings are printed from const members too.
    mutable QTextStream m_err;
};

} // namespace dermdesk::cli
