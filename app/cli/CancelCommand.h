#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// cancel ID --reason TEXT
// Cancels an appointment. The reason is a category (patient_request, illness, clinic, other),
// optionally followed by ": detail", or free text (kept as "other"). A patient's cancellation less
// than 24 hours ahead is marked late. Lists who on the waitlist could take the freed time.
class CancelCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("cancel"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("ID --reason TEXT"); }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] int maxPositionals() const override { return 1; }
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
