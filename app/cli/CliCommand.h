#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace dermdesk::cli {

class CliContext;

// One dermdesk-cli command ("demo", "info", ...). A command declares its own options; the
// global ones (--database, --json, --help, --version) are added for it. run() returns the
// process exit code (see CliContext::fail for the mapping from errors).
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    [[nodiscard]] virtual QString name() const = 0;
    // One line for the command list in --help.
    [[nodiscard]] virtual QString summary() const = 0;
    // Paragraphs printed after the summary in the command's --help (limits, exit codes); empty for none.
    [[nodiscard]] virtual QString details() const { return {}; }
    // What follows the command name in its usage line: "--output FILE [--patients N]".
    [[nodiscard]] virtual QString synopsis() const = 0;
    [[nodiscard]] virtual QList<QCommandLineOption> options() const { return {}; }
    // How many positional arguments may follow the command name.
    [[nodiscard]] virtual int maxPositionals() const { return 0; }

    virtual int run(CliContext &context, const QCommandLineParser &parser) = 0;
};

} // namespace dermdesk::cli
