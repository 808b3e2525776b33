#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// handout --patient ID -o FILE.pdf [--sections LIST]
// Writes the patient's handout (guide sections, plan, upcoming appointments, pre-care, aftercare) as a
// PDF and logs it as printed (output "pdf"). Exit codes: 4 unknown patient, 2 bad input or an
// unwritable output path, 5 storage.
class HandoutCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("handout"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("--patient ID -o FILE.pdf [--sections N,N,...|HEADING,...]");
    }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
