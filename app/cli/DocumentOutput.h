#pragma once

#include "common/Result.h"
#include "education/ComposedDocument.h"

#include <QCommandLineOption>
#include <QString>

#include <functional>
#include <optional>

class QCommandLineParser;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::cli {

class CliContext;

// What the printing commands (handout, card, day-sheet) share: the -o/--output option, writing a
// composed document as a PDF through dermdesk_print, warnings on stderr and the report on stdout.
// An unwritable output path is invalid input (exit code 2), naming the path.
class DocumentOutput
{
public:
    [[nodiscard]] static QCommandLineOption outputOption();
    // The --output path, made absolute; InvalidInput when missing.
    [[nodiscard]] static Result<QString> path(const QCommandLineParser &parser);

    // Writes `document` to `path` on the clinic's paper (PageSetup::forClinic), then runs `log` (may be empty) and
    // reports: the path (with --json an object with "output", "warnings" and, when `log` returned an id, "id"). Returns
    // the exit code.
    static int write(CliContext &context, const ClinicSession &session, const ComposedDocument &document,
                     const QString &path, const std::function<Result<qint64>()> &log = {});
};

} // namespace dermdesk::cli
