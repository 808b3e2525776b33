#include "CliApplication.h"

#include "CliContext.h"
#include "CommandTable.h"
#include "common/AppIdentity.h"
#include "common/TextRules.h"
#include "common/Translation.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <cstdio>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli");

const QString databaseName = QStringLiteral("database");
// The environment variable naming the clinic when --database is not given.
constexpr char databaseVariable[] = "DERMDESK_DATABASE";

// The clinic a command works on: --database, else $DERMDESK_DATABASE when set and not blank, else the desktop
// program's default file.
QString chosenDatabase(const QCommandLineParser &parser)
{
    if (parser.isSet(databaseName))
        return parser.value(databaseName);
    const QString fromEnvironment = qEnvironmentVariable(databaseVariable);
    return fromEnvironment.trimmed().isEmpty() ? Database::defaultPath() : fromEnvironment;
}

QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption(databaseName,
                           tr("The clinic: a database file or a clinic server's address, "
                              "postgresql://user@host:5432/clinic (default: $%1, else %2). A server's password "
                              "comes from PGPASSWORD, ~/.pgpass or a service file.")
                               .arg(QLatin1String(databaseVariable), QDir::toNativeSeparators(Database::defaultPath())),
                           QStringLiteral("PATH|URL")),
        QCommandLineOption(QStringLiteral("json"), tr("Print results as JSON on stdout.")),
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show help and exit.")),
        QCommandLineOption(QStringLiteral("version"), tr("Show the version and exit.")),
    };
}

// The command name: the first argument that is neither an option nor the value of --database.
QString commandName(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            return i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
        if (argument == QLatin1String("--database")) {
            ++i;
            continue;
        }
        if (!argument.startsWith(QLatin1Char('-')))
            return argument;
    }
    return {};
}

void printOptions(QTextStream &stream, const QList<QCommandLineOption> &options)
{
    QList<std::pair<QString, QString>> rows;
    qsizetype width = 0;
    for (const QCommandLineOption &option : options) {
        QStringList names;
        for (const QString &name : option.names())
            names.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            left += QLatin1Char(' ') + option.valueName();
        width = qMax(width, left.size());
        rows.append({left, option.description()});
    }
    for (const auto &[left, description] : rows)
        stream << "  " << left.leftJustified(width + 2) << description << '\n';
}

} // namespace

CliApplication::CliApplication()
    : m_commands(allCommands())
{
}

CliApplication::~CliApplication() = default;

CliCommand *CliApplication::command(const QString &name) const
{
    for (const auto &candidate : m_commands) {
        if (candidate->name() == name)
            return candidate.get();
    }
    return nullptr;
}

void CliApplication::printUsage(QTextStream &stream) const
{
    stream << tr("Usage: dermdesk-cli [--database PATH|URL] [--json] COMMAND [options]") << "\n\n"
           << tr("DermDesk's command-line companion: scripts the clinic database the desktop program uses.") << "\n\n"
           << tr("Commands:") << '\n';
    qsizetype width = 0;
    for (const auto &each : m_commands)
        width = qMax(width, each->name().size());
    for (const auto &each : m_commands)
        stream << "  " << each->name().leftJustified(width + 2) << each->summary() << '\n';
    stream << '\n' << tr("Global options:") << '\n';
    printOptions(stream, globalOptions());
    stream << '\n'
           << tr("\"dermdesk-cli COMMAND --help\" describes a command's options.") << '\n'
           << tr("Exit codes: 0 done, 2 invalid input or usage, 3 refused by a rule, 4 not found, 5 storage error.")
           << '\n'
           << tr("Every command first checks the clinic database (SQLite's quick_check) and refuses a damaged file "
                 "with exit 5, naming the newest backup found beside it; commands that only read (info, agenda, "
                 "find-slots, recall, patient show|search|export|list-csv, plan propose, day-sheet, backup, "
                 "import-patients --dry-run) open the file read-only and "
                 "never change it. A folder, a device, a pipe or a path in a missing folder is refused with exit 5.")
           << '\n'
           << tr("A clinic on a database server (--database postgresql://user@host/clinic, libpq parameters such as "
                 "sslmode in the query) must exist and be set up: a malformed address exits 2; a server that cannot "
                 "be reached, a wrong password or a database that is not a DermDesk clinic exits 5. The password is "
                 "never printed.")
           << Qt::endl;
}

void CliApplication::printCommandHelp(QTextStream &stream, const CliCommand &command) const
{
    const QString usage = (command.name() + QLatin1Char(' ') + command.synopsis()).trimmed();
    stream << tr("Usage: dermdesk-cli [--database PATH|URL] [--json] %1").arg(usage) << "\n\n"
           << command.summary() << "\n\n";
    if (const QString details = command.details(); !details.isEmpty())
        stream << details << "\n\n";
    if (!command.options().isEmpty()) {
        stream << tr("Options:") << '\n';
        printOptions(stream, command.options());
        stream << '\n';
    }
    stream << tr("Global options:") << '\n';
    printOptions(stream, globalOptions());
    stream.flush();
}

int CliApplication::usageError(const QString &message, const CliCommand *command) const
{
    QTextStream err(stderr);
    err << "dermdesk-cli: " << TextRules::escaped(message, true) << "\n\n";
    if (command) {
        printCommandHelp(err, *command);
    } else {
        printUsage(err);
    }
    return 2;
}

int CliApplication::run(const QStringList &arguments)
{
    const QString name = commandName(arguments);
    CliCommand *chosen = name.isEmpty() ? nullptr : command(name);
    if (!name.isEmpty() && !chosen)
        return usageError(tr("\"%1\" is not a dermdesk-cli command.").arg(name));

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions(globalOptions());
    if (chosen)
        parser.addOptions(chosen->options());
    if (!parser.parse(arguments))
        return usageError(parser.errorText(), chosen);

    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("help"))) {
        if (chosen) {
            printCommandHelp(out, *chosen);
        } else {
            printUsage(out);
        }
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << "dermdesk-cli " << version() << Qt::endl;
        return 0;
    }
    if (!chosen)
        return usageError(tr("No command was given."));
    QStringList positionals = parser.positionalArguments();
    positionals.removeFirst();
    if (positionals.size() > chosen->maxPositionals())
        return usageError(tr("Unexpected argument \"%1\".").arg(positionals.at(chosen->maxPositionals())), chosen);

    CliContext context(chosenDatabase(parser), parser.isSet(QStringLiteral("json")));
    return chosen->run(context, parser);
}

} // namespace dermdesk::cli
