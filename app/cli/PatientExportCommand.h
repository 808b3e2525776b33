#pragma once

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace dermdesk::cli {

class CliContext;

// The export actions of `dermdesk-cli patient` (PatientCommand dispatches to them):
//   patient export ID [--json] -o FILE   the patient's complete record as a PDF, or with --json as JSON
//   patient list-csv -o FILE             every patient as CSV (UTF-8 with BOM) for spreadsheet programs
// Each prints the path written (with --json an object with "output"). Exit codes: 2 no/unwritable -o or a bad
// ID, 4 no such patient, 5 storage.
class PatientExportCommand
{
public:
    [[nodiscard]] static QList<QCommandLineOption> options();
    static int exportRecord(CliContext &context, const QCommandLineParser &parser);
    static int listCsv(CliContext &context, const QCommandLineParser &parser);
};

} // namespace dermdesk::cli
