#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// copy-clinic --to TARGET: the whole clinic, every id kept, into an empty database on a server or a new clinic file,
// proven table by table (row counts and checksums) before it is kept.
class CopyClinicCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("copy-clinic"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString details() const override;
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("--to postgresql://...|FILE"); }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
