#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

namespace dermdesk::cli {

// Every command dermdesk-cli knows, in the order --help lists them. A new command is one
// CliCommand subclass and one line in CommandTable.cpp.
[[nodiscard]] std::vector<std::unique_ptr<CliCommand>> allCommands();

} // namespace dermdesk::cli
