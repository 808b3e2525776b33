#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// day-sheet --date YYYY-MM-DD [--practitioner ID] -o FILE.pdf
// Writes the day sheet of a local day (one practitioner's or everyone's) as a landscape PDF.
// Exit codes: 4 unknown practitioner, 2 bad input or an unwritable output path, 5 storage.
class DaySheetCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("day-sheet"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("--date YYYY-MM-DD [--practitioner ID] -o FILE.pdf");
    }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
