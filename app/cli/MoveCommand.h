#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// move ID --start 'YYYY-MM-DDTHH:MM' [--practitioner ID] [--room ID] [--allow-past] [--interval-override REASON]
// Moves an appointment (same id, same length, history kept) and lists who on the waitlist could
// take the time it left. A treatment-plan session moved earlier than its plan's minimum interval is refused
// (rule.plan.interval_min, exit 3) unless --interval-override gives the reason (SessionMoveRule).
class MoveCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("move"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] int maxPositionals() const override { return 1; }
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
