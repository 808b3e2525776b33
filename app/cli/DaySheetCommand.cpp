#include "DaySheetCommand.h"

#include "CliContext.h"
#include "DocumentOutput.h"
#include "ScheduleArguments.h"
#include "common/Translation.h"
#include "education/DaySheetComposer.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::DaySheetCommand");

} // namespace

QString DaySheetCommand::summary() const
{
    return tr("Write a day sheet (one practitioner's or everyone's) as a PDF.");
}

QList<QCommandLineOption> DaySheetCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("date"), tr("The local day."), QStringLiteral("YYYY-MM-DD")),
            ScheduleArguments::practitionerOption(tr("Only this practitioner's appointments.")),
            DocumentOutput::outputOption()};
}

int DaySheetCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    if (auto given = CliContext::required(parser, QStringLiteral("date")); !given)
        return context.fail(given.error());
    auto date = CliContext::date(parser, QStringLiteral("date"));
    if (!date)
        return context.fail(date.error());
    auto practitioner = ScheduleArguments::optionalId(parser, QStringLiteral("practitioner"));
    if (!practitioner)
        return context.fail(practitioner.error());
    auto output = DocumentOutput::path(parser);
    if (!output)
        return context.fail(output.error());
    auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    auto document = DaySheetComposer(opened.value()->database()).compose(date.value(), practitioner.value());
    if (!document)
        return context.fail(document.error());
    return DocumentOutput::write(context, *opened.value(), document.value(), output.value());
}

} // namespace dermdesk::cli
