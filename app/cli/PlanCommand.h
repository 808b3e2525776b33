#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// plan create --patient ID --type ID --sessions N --interval-weeks MIN-MAX [--practitioner ID]
//             [--concerns A,B] [--areas face:1.0,neck:0.5]
// plan propose ID
// plan book ID [--override-reason TEXT] [--acknowledge TEXT]
// Creates a treatment plan (printing its id), proposes its remaining sessions (one line each, or JSON),
// or books the proposed course in one transaction (all sessions or none; printing the appointment ids).
class PlanCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("plan"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] int maxPositionals() const override { return 2; }
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
