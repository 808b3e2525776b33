#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// book --patient ID --practitioner ID --type ID --start 'YYYY-MM-DDTHH:MM' [--room ID] [--allow-past]
// Books an appointment under every scheduling rule and prints its id ({"id": ...} with --json).
class BookCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("book"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
