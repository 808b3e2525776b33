#pragma once

#include "CliCommand.h"

namespace dermdesk::cli {

// recall [--date YYYY-MM-DD] [--days N]
// The recall list: active plans whose next session is due (window open, opening within N days — the
// clinic's setting by default — or overdue) with no session booked. One line per plan, or JSON.
class RecallCommand final : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("recall"); }
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] QString synopsis() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace dermdesk::cli
