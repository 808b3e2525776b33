#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// find-slots --type ID [--practitioner ID] [--patient ID] --from DATE --to DATE [--count N]
// The next free times to book the type (SlotFinder), each with a practitioner and, when the type
// needs one, a room. Reads only.
class FindSlotsCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("find-slots"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
