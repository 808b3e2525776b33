#include "HandoutCommand.h"

#include "CliContext.h"
#include "DocumentOutput.h"
#include "ScheduleArguments.h"
#include "common/Translation.h"
#include "education/HandoutComposer.h"
#include "education/HandoutLogRepository.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::HandoutCommand");

} // namespace

QString HandoutCommand::summary() const
{
    return tr("Write a patient's handout as a PDF (logged as printed).");
}

QList<QCommandLineOption> HandoutCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("patient"), tr("The patient."), QStringLiteral("ID")),
            DocumentOutput::outputOption(),
            QCommandLineOption(QStringLiteral("sections"),
                               tr("The guide sections to include, by number from 1 or part of the heading, "
                                  "comma-separated (default: all)."),
                               QStringLiteral("LIST"))};
}

int HandoutCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto patient = ScheduleArguments::requiredId(parser, QStringLiteral("patient"));
    if (!patient)
        return context.fail(patient.error());
    auto output = DocumentOutput::path(parser);
    if (!output)
        return context.fail(output.error());
    auto guide = Guide::load();
    if (!guide)
        return context.fail(guide.error());
    HandoutOptions options;
    if (parser.isSet(QStringLiteral("sections"))) {
        auto sections = HandoutComposer::sectionsFromText(guide.value(), parser.value(QStringLiteral("sections")));
        if (!sections)
            return context.fail(Error::invalidInput(QStringLiteral("--sections"), sections.error().message()));
        options.guideSections = sections.value();
    }
    auto opened = context.openExisting();
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value();
    auto document = HandoutComposer(session.database(), guide.value()).compose(patient.value(), options);
    if (!document)
        return context.fail(document.error());
    return DocumentOutput::write(context, session, document.value(), output.value(), [&]() {
        HandoutRecord record;
        record.patientId = patient.value();
        record.document = QStringLiteral("handout");
        record.output = QStringLiteral("pdf");
        record.guideSections = document.value().guideSections;
        record.guideDate = document.value().guideDate;
        record.templates = document.value().templates;
        return session.service<HandoutLogRepository>().record(record);
    });
}

} // namespace dermdesk::cli
