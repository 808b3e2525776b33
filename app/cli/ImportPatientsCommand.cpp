#include "ImportPatientsCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "patients/CsvReader.h"
#include "patients/PatientCsvImporter.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace dermdesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::cli::ImportPatientsCommand", text);
}

} // namespace

QString ImportPatientsCommand::summary() const
{
    return tr("Import patients from a CSV file (per-row errors with line numbers; valid rows saved together).");
}

QString ImportPatientsCommand::synopsis() const
{
    return QStringLiteral("FILE.csv [--dry-run]");
}

QList<QCommandLineOption> ImportPatientsCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("dry-run"), tr("Check every row and report, but save nothing."))};
}

int ImportPatientsCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto path = ScheduleArguments::positional(parser, 0, QStringLiteral("FILE"));
    if (!path)
        return context.fail(Error::invalidInput(QStringLiteral("FILE"), tr("Give the CSV file to import.")));
    QFile file(path.value());
    if (!file.exists()) {
        return context.fail(Error::notFound(QStringLiteral("FILE"),
                                            tr("There is no file %1.").arg(QDir::toNativeSeparators(path.value()))));
    }
    if (file.size() > CsvReader::maxBytes || !file.open(QIODevice::ReadOnly)) {
        return context.fail(
            Error::invalidInput(QStringLiteral("FILE"), tr("%1 cannot be read, or is larger than %2 MB.")
                                                            .arg(QDir::toNativeSeparators(path.value()))
                                                            .arg(CsvReader::maxBytes / (qsizetype(1024) * 1024))));
    }
    const QByteArray bytes = file.readAll();
    auto opened = context.openExisting();
    if (!opened)
        return context.fail(opened.error());
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    auto imported = PatientCsvImporter(*opened.value()).import(bytes, dryRun);
    if (!imported)
        return context.fail(imported.error());
    const PatientCsvImporter::Report &report = imported.value();
    for (const PatientCsvImporter::RowError &error : report.errors) {
        context.err()
            << tr("dermdesk-cli: line %1: %2 [%3]").arg(error.line).arg(CliContext::shown(error.message), error.field)
            << Qt::endl;
    }
    if (context.json()) {
        QJsonArray ids;
        for (const qint64 id : report.ids)
            ids.append(id);
        QJsonArray errors;
        for (const PatientCsvImporter::RowError &error : report.errors) {
            errors.append(QJsonObject{{QStringLiteral("line"), error.line},
                                      {QStringLiteral("field"), error.field},
                                      {QStringLiteral("message"), error.message}});
        }
        context.printJson({{QStringLiteral("rows"), report.rows},
                           {QStringLiteral("valid"), report.valid},
                           {QStringLiteral("imported"), int(report.ids.size())},
                           {QStringLiteral("dry_run"), dryRun},
                           {QStringLiteral("ids"), ids},
                           {QStringLiteral("errors"), errors}});
    } else {
        context.out() << (dryRun ? tr("%1 rows read, %2 valid, nothing saved (dry run), %3 with errors.")
                                 : tr("%1 rows read, %2 imported, %3 with errors."))
                             .arg(report.rows)
                             .arg(dryRun ? report.valid : int(report.ids.size()))
                             .arg(report.errors.size())
                      << Qt::endl;
    }
    return report.errors.isEmpty() ? 0 : 2;
}

} // namespace dermdesk::cli
