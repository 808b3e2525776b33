#include "CommandTable.h"

#include "AgendaCommand.h"
#include "BackupCommand.h"
#include "BookCommand.h"
#include "CancelCommand.h"
#include "CardCommand.h"
#include "CopyClinicCommand.h"
#include "DaySheetCommand.h"
#include "DemoCommand.h"
#include "FindSlotsCommand.h"
#include "HandoutCommand.h"
#include "ImportPatientsCommand.h"
#include "InfoCommand.h"
#include "MoveCommand.h"
#include "PatientCommand.h"
#include "PlanCommand.h"
#include "RecallCommand.h"
#include "StatusCommand.h"

namespace dermdesk::cli {

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<InfoCommand>());
    commands.push_back(std::make_unique<DemoCommand>());
    commands.push_back(std::make_unique<BookCommand>());
    commands.push_back(std::make_unique<MoveCommand>());
    commands.push_back(std::make_unique<CancelCommand>());
    commands.push_back(std::make_unique<StatusCommand>());
    commands.push_back(std::make_unique<AgendaCommand>());
    commands.push_back(std::make_unique<FindSlotsCommand>());
    commands.push_back(std::make_unique<PatientCommand>());
    commands.push_back(std::make_unique<ImportPatientsCommand>());
    commands.push_back(std::make_unique<PlanCommand>());
    commands.push_back(std::make_unique<RecallCommand>());
    commands.push_back(std::make_unique<HandoutCommand>());
    commands.push_back(std::make_unique<CardCommand>());
    commands.push_back(std::make_unique<DaySheetCommand>());
    commands.push_back(std::make_unique<BackupCommand>());
    commands.push_back(std::make_unique<CopyClinicCommand>());
    return commands;
}

} // namespace dermdesk::cli
