#include "CommandTable.h"

#include "BackupCommand.h"
#include "DemoCommand.h"
#include "InfoCommand.h"

namespace dermdesk::cli {

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<InfoCommand>());
    commands.push_back(std::make_unique<DemoCommand>());
    commands.push_back(std::make_unique<BackupCommand>());
    return commands;
}

} // namespace dermdesk::cli
