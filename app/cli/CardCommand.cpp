#include "CardCommand.h"

#include "CliContext.h"
#include "DocumentOutput.h"
#include "ScheduleArguments.h"
#include "common/Translation.h"
#include "education/AppointmentCardComposer.h"
#include "education/HandoutLogRepository.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::CardCommand");

} // namespace

QString CardCommand::summary() const
{
    return tr("Write an appointment card (every booked session of a course) as a PDF.");
}

QList<QCommandLineOption> CardCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("appointment"), tr("The appointment."), QStringLiteral("ID")),
            DocumentOutput::outputOption()};
}

int CardCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto appointment = ScheduleArguments::requiredId(parser, QStringLiteral("appointment"));
    if (!appointment)
        return context.fail(appointment.error());
    auto output = DocumentOutput::path(parser);
    if (!output)
        return context.fail(output.error());
    auto opened = context.openExisting();
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value();
    auto document = AppointmentCardComposer(session.database()).compose(appointment.value());
    if (!document)
        return context.fail(document.error());
    return DocumentOutput::write(context, session, document.value(), output.value(), [&]() {
        HandoutRecord record;
        record.patientId = document.value().patientId;
        record.document = QStringLiteral("appointment_card");
        record.appointmentId = appointment.value();
        record.output = QStringLiteral("pdf");
        return session.service<HandoutLogRepository>().record(record);
    });
}

} // namespace dermdesk::cli
