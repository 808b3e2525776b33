#include "MoveCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"
#include "treatment/SessionMoveRule.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::MoveCommand");

} // namespace

QString MoveCommand::summary() const
{
    return tr("Move an appointment to another time, practitioner or room; it keeps its id and history.");
}

QString MoveCommand::synopsis() const
{
    return QStringLiteral("ID --start 'YYYY-MM-DDTHH:MM' [--practitioner ID] [--room ID] [--allow-past] "
                          "[--interval-override REASON] [--acknowledge REASON]");
}

QList<QCommandLineOption> MoveCommand::options() const
{
    return {ScheduleArguments::startOption(),
            ScheduleArguments::practitionerOption(tr("Hand the appointment to another practitioner.")),
            ScheduleArguments::roomOption(),
            ScheduleArguments::allowPastOption(),
            QCommandLineOption(QStringLiteral("interval-override"),
                               tr("Why a treatment-plan session moves earlier than the plan's minimum interval "
                                  "after the session before it (stored and audited with the session)."),
                               QStringLiteral("REASON")),
            QCommandLineOption(QStringLiteral("acknowledge"),
                               tr("Move a treatment session to another day although screening cautions apply "
                                  "there, for this reason (kept in the audit log). Without it such a move is "
                                  "refused (exit 3)."),
                               QStringLiteral("REASON"))};
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
    const QString overrideReason = parser.value(QStringLiteral("interval-override")).trimmed();
    if (parser.isSet(QStringLiteral("interval-override")) && overrideReason.isEmpty()) {
        return context.fail(Error::invalidInput(QStringLiteral("--interval-override"),
                                                tr("Give the reason for moving the session this early.")));
    }
    request.acknowledgement = parser.value(QStringLiteral("acknowledge")).trimmed();
    if (parser.isSet(QStringLiteral("acknowledge")) && request.acknowledgement.isEmpty())
        return context.fail(Error::invalidInput(QStringLiteral("acknowledge"), tr("--acknowledge needs a reason.")));

    auto opened = ScheduleArguments::open(context);
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value().session;
    const ScheduleSetup &setup = opened.value().setup;
    const ClinicTime &time = setup.time();
    auto start = ScheduleArguments::localDateTime(parser, QStringLiteral("start"), time);
    if (!start)
        return context.fail(start.error());
    request.startsAt = start.value();

    auto moved = session.service<SessionMoveRule>().reschedule(session.service<BookingService>(), id.value(), request,
                                                               overrideReason);
    if (!moved)
        return context.fail(ScheduleArguments::withAcknowledgeHint(moved.error()));
    return ScheduleArguments::printChange(context, session, moved.value(), time);
}

} // namespace dermdesk::cli
