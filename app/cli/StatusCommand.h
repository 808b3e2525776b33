#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// status ID STATUS [--reason TEXT]
// Moves an appointment along booked → confirmed → arrived → in_treatment → completed, or to
// no_show / cancelled (which needs --reason). Illegal jumps are refused naming both statuses.
class StatusCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("status"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("ID STATUS [--reason TEXT]"); }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] int maxPositionals() const override { return 2; }
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
