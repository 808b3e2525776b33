#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// agenda --date YYYY-MM-DD [--practitioner ID]
// One local day's appointments in start order (cancelled and no-shows included): local start and
// end, patient, type, practitioner, room and status. Reads only.
class AgendaCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("agenda"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("--date YYYY-MM-DD [--practitioner ID]"); }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
