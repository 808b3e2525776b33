#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// demo --output FILE [--patients N] [--years Y] [--seed S] [--today YYYY-MM-DD]
// Writes a demo clinic to a new file (an existing one is refused and left untouched) and prints
// what it holds; progress goes to stderr when generation takes more than a second.
class DemoCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("demo"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
