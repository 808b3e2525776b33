#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// import-patients FILE.csv [--dry-run] [--skip-invalid]
// Imports patients from a CSV file with a header row (columns guessed from their names). Rows with errors
// are listed on stderr with their line numbers and the field at fault.
// Without --skip-invalid it is all or nothing: exit 0 when every row was imported (or would be, on a dry run),
// 2 when any row was refused or the file cannot be read, and then nothing is saved. With --skip-invalid the
// valid rows are saved, the others listed, and it exits 0. 4 when the file or database is missing, 5 on a
// storage error.
class ImportPatientsCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("import-patients"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString details() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] int maxPositionals() const override { return 1; }
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
