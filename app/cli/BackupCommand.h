#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// backup -o FILE: a consistent copy of the whole clinic database in a new file (never overwrites).
class BackupCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("backup"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("-o FILE"); }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
