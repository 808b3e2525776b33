#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// card --appointment ID -o FILE.pdf
// Writes the appointment's card (for a session of a treatment plan, one card per booked session from
// it on) as a PDF and logs it as printed. Exit codes: 4 unknown appointment, 2 bad input or an
// unwritable output path, 5 storage.
class CardCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("card"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("--appointment ID -o FILE.pdf"); }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
