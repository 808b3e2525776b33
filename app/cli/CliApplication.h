#pragma once

#include "CliCommand.h"

#include <QStringList>

#include <memory>
#include <vector>

class QTextStream;

namespace dermdesk::cli {

// Parses the command line, dispatches to the command named on it, and prints help, version and
// usage errors. Global options may stand before or after the command name.
class CliApplication
{
public:
    CliApplication();
    ~CliApplication();
    CliApplication(const CliApplication &) = delete;
    CliApplication &operator=(const CliApplication &) = delete;

    // Runs dermdesk-cli with `arguments` (arguments[0] is the program) and returns the exit code.
    int run(const QStringList &arguments);

private:
    [[nodiscard]] CliCommand *command(const QString &name) const;
    void printUsage(QTextStream &stream) const;
    void printCommandHelp(QTextStream &stream, const CliCommand &command) const;
    int usageError(const QString &message, const CliCommand *command = nullptr) const;

    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace dermdesk::cli
