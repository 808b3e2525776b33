#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// info: the clinic's name and time zone, the schema version and how many patients,
// appointments and treatment plans the database holds. Reads only.
class InfoCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("info"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override { return {}; }
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
