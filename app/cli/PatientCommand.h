#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// patient add --given NAME --family NAME --birth-date YYYY-MM-DD [--phone P] [--email E] [--allow-duplicate]
// patient show ID
// patient search TEXT [--limit N] [--archived]
// patient export ID [--json] -o FILE | patient list-csv -o FILE (PatientExportCommand)
// Adds (printing the new id), shows or finds patients. Adding someone whose name and birth date or phone
// match an existing patient is refused (exit 3, naming the existing id) unless --allow-duplicate.
class PatientCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("patient"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] int maxPositionals() const override { return 2; }
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
