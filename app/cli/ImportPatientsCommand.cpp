#include "ImportPatientsCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "common/BoundedFile.h"
#include "common/Translation.h"
#include "patients/CsvReader.h"
#include "patients/PatientCsvImporter.h"
#include "patients/PatientFieldRules.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::ImportPatientsCommand");

} // namespace

QString ImportPatientsCommand::summary() const
{
    return tr("Import patients from a CSV file: all rows or none (per-row errors with line numbers).");
}

QString ImportPatientsCommand::details() const
{
    const QLocale locale;
    QStringList bounds;
    for (const PatientFieldRules::TextField &rule : PatientFieldRules::textFields())
        bounds.append(QStringLiteral("%1 %2").arg(rule.key, locale.toString(rule.maxLength)));
    // The field list, wrapped like the paragraphs around it.
    QString wrapped;
    qsizetype lineLength = 0;
    for (const QString &bound : std::as_const(bounds)) {
        const QString item = bound + (&bound == &bounds.constLast() ? QStringLiteral(".") : QStringLiteral(","));
        if (lineLength > 0 && lineLength + 1 + item.size() > 92) {
            wrapped += QLatin1Char('\n');
            lineLength = 0;
        } else if (lineLength > 0) {
            wrapped += QLatin1Char(' ');
            ++lineLength;
        }
        wrapped += item;
        lineLength += item.size();
    }
    return tr("The first row names the columns (\"First name\", \"Surname\", \"DOB\", \"Mobile\", ...). Every row is\n"
              "checked; a row with a problem is listed on stderr with its line, the column and the field at\n"
              "fault. Without --skip-invalid nothing is saved when any row has a problem (exit 2); with it\n"
              "the valid rows are saved, the others listed, and the command exits 0.\n"
              "\n"
              "Limits: an ordinary file (not a device, pipe or folder) of at most %1 MiB of UTF-8 text\n"
              "with no NUL character, a cell of at most %2 characters, a row of at most %3 columns.\n"
              "A file that breaks a limit, or whose quotes do not pair up, is refused whole, naming the\n"
              "line (and column). Lines may end in LF, CRLF or CR. Each field obeys the patient record's\n"
              "rules; the most characters each may hold:\n"
              "%4\n"
              "A cell that starts with an apostrophe before = + - @, a tab or a carriage return (as\n"
              "DermDesk's CSV exports write them) loses that apostrophe.")
        .arg(CsvReader::maxBytes / (qsizetype(1024) * 1024))
        .arg(locale.toString(CsvReader::maxCellChars), locale.toString(CsvReader::maxFields), wrapped);
}

QString ImportPatientsCommand::synopsis() const
{
    return QStringLiteral("FILE.csv [--dry-run] [--skip-invalid]");
}

QList<QCommandLineOption> ImportPatientsCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("dry-run"), tr("Check every row and report, but save nothing.")),
            QCommandLineOption(QStringLiteral("skip-invalid"),
                               tr("Save the valid rows even when some rows have problems; those are listed on "
                                  "stderr and not saved. Exits 0."))};
}

int ImportPatientsCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto path = ScheduleArguments::positional(parser, 0, QStringLiteral("FILE"));
    if (!path)
        return context.fail(Error::invalidInput(QStringLiteral("FILE"), tr("Give the CSV file to import.")));
    const auto bytes = BoundedFile::read(path.value(), CsvReader::maxBytes);
    if (!bytes)
        return context.fail(bytes.error());
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    auto opened = context.openExisting(dryRun ? CliContext::Access::Read : CliContext::Access::Write);
    if (!opened)
        return context.fail(opened.error());
    const bool skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    using Mode = PatientCsvImporter::Mode;
    const Mode mode = dryRun ? Mode::DryRun : skipInvalid ? Mode::SkipInvalid : Mode::AllOrNothing;
    auto imported = opened.value()->service<PatientCsvImporter>().import(bytes.value(), mode);
    if (!imported)
        return context.fail(imported.error());
    const PatientCsvImporter::Report &report = imported.value();
    for (const PatientCsvImporter::RowError &error : report.errors) {
        context.err()
            << tr("dermdesk-cli: line %1: %2 [%3]").arg(error.line).arg(CliContext::shown(error.message), error.field)
            << Qt::endl;
    }
    const bool refused = !report.errors.isEmpty() && !skipInvalid;
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
                           {QStringLiteral("skip_invalid"), skipInvalid},
                           {QStringLiteral("ids"), ids},
                           {QStringLiteral("errors"), errors}});
    } else if (dryRun) {
        context.out() << tr("%1 rows read, %2 valid, %3 with errors; nothing saved (dry run).")
                             .arg(report.rows)
                             .arg(report.valid)
                             .arg(report.errors.size())
                      << Qt::endl;
    } else if (refused) {
        context.out() << tr("%1 rows read, %2 with errors: nothing imported. Fix those rows, or use --skip-invalid "
                            "to import the %3 valid rows.")
                             .arg(report.rows)
                             .arg(report.errors.size())
                             .arg(report.valid)
                      << Qt::endl;
    } else if (report.errors.isEmpty()) {
        context.out() << tr("%1 rows read, %2 imported.").arg(report.rows).arg(report.ids.size()) << Qt::endl;
    } else {
        context.out() << tr("%1 rows read, %2 imported, %3 skipped (listed above).")
                             .arg(report.rows)
                             .arg(report.ids.size())
                             .arg(report.errors.size())
                      << Qt::endl;
    }
    return refused ? 2 : 0;
}

} // namespace dermdesk::cli
