#include "MoveCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "calendar/AppointmentRepository.h"
#include "calendar/ScheduleSetup.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermdesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::cli::MoveCommand", text);
}

} // namespace

QString MoveCommand::summary() const
{
    return tr("Move an appointment to another time, practitioner or room; it keeps its id and history.");
}

QString MoveCommand::synopsis() const
{
    return QStringLiteral("ID --start 'YYYY-MM-DDTHH:MM' [--practitioner ID] [--room ID] [--allow-past]");
}

QList<QCommandLineOption> MoveCommand::options() const
{
    return {ScheduleArguments::startOption(),
            ScheduleArguments::practitionerOption(tr("Hand the appointment to another practitioner.")),
            ScheduleArguments::roomOption(), ScheduleArguments::allowPastOption()};
}

int MoveCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto id = ScheduleArguments::appointmentId(parser);
    if (!id)
        return context.fail(id.error());
    RescheduleRequest request;
    auto practitioner = ScheduleArguments::optionalId(parser, QStringLiteral("practitioner"));
    if (!practitioner)
        return context.fail(practitioner.error());
    request.practitionerId = practitioner.value();
    auto room = ScheduleArguments::optionalId(parser, QStringLiteral("room"));
    if (!room)
        return context.fail(room.error());
    request.roomId = room.value();
    request.allowPast = parser.isSet(QStringLiteral("allow-past"));

    auto session = ScheduleArguments::open(context);
    if (!session)
        return context.fail(session.error());
    const Database &database = *session.value().database;
    const ScheduleSetup &setup = session.value().setup;
    const ClinicTime &time = setup.time();
    auto start = ScheduleArguments::localDateTime(parser, QStringLiteral("start"), time);
    if (!start)
        return context.fail(start.error());
    request.startsAt = start.value();

    auto moved = AppointmentRepository(database).reschedule(id.value(), request);
    if (!moved)
        return context.fail(moved.error());
    return ScheduleArguments::printChange(context, database, moved.value(), time);
}

} // namespace dermdesk::cli
