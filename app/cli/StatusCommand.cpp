#include "StatusCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::StatusCommand");

QStringList statusNames()
{
    QStringList names;
    for (AppointmentStatus status : appointment_status::all())
        names.append(appointment_status::toStorage(status));
    return names;
}

} // namespace

QString StatusCommand::summary() const
{
    return tr("Change an appointment's status: %1.").arg(statusNames().join(QStringLiteral(", ")));
}

QList<QCommandLineOption> StatusCommand::options() const
{
    return {ScheduleArguments::reasonOption(tr("Why it was cancelled (required for cancelled), or a note."))};
}

int StatusCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto id = ScheduleArguments::appointmentId(parser);
    if (!id)
        return context.fail(id.error());
    auto statusText = ScheduleArguments::positional(parser, 1, QStringLiteral("STATUS"));
    if (!statusText)
        return context.fail(statusText.error());
    const auto status = appointment_status::fromStorage(statusText.value().toLower());
    if (!status) {
        return context.fail(
            Error::invalidInput(QStringLiteral("STATUS"),
                                tr("\"%1\" is not a status; use one of %2.")
                                    .arg(statusText.value(), statusNames().join(QStringLiteral(", ")))));
    }

    auto opened = ScheduleArguments::open(context);
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value().session;
    const ScheduleSetup &setup = opened.value().setup;
    auto changed =
        session.service<BookingService>().changeStatus(id.value(), *status, parser.value(QStringLiteral("reason")));
    if (!changed)
        return context.fail(changed.error());
    return ScheduleArguments::printChange(context, session, changed.value(), setup.time());
}

} // namespace dermdesk::cli
