#include "BookCommand.h"

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

constexpr TranslationContext tr("dermdesk::cli::BookCommand");

} // namespace

QString BookCommand::summary() const
{
    return tr("Book an appointment (refused with the rule's name when it breaks one).");
}

QString BookCommand::synopsis() const
{
    return QStringLiteral(
        "--patient ID --practitioner ID --type ID --start 'YYYY-MM-DDTHH:MM' [--room ID] [--allow-past] "
        "[--acknowledge REASON]");
}

QList<QCommandLineOption> BookCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("patient"), tr("The patient."), QStringLiteral("ID")),
            ScheduleArguments::practitionerOption(tr("Who performs the appointment.")),
            QCommandLineOption(QStringLiteral("type"), tr("The appointment type."), QStringLiteral("ID")),
            ScheduleArguments::startOption(),
            ScheduleArguments::roomOption(),
            ScheduleArguments::allowPastOption(),
            QCommandLineOption(QStringLiteral("acknowledge"),
                               tr("Book a treatment session although screening cautions apply, for this reason "
                                  "(kept in the audit log). Without it a caution refuses (exit 3)."),
                               QStringLiteral("REASON"))};
}

int BookCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    BookingRequest request;
    for (const auto &[option, target] : {std::pair{QStringLiteral("patient"), &request.patientId},
                                         std::pair{QStringLiteral("practitioner"), &request.practitionerId},
                                         std::pair{QStringLiteral("type"), &request.typeId}}) {
        auto id = ScheduleArguments::requiredId(parser, option);
        if (!id)
            return context.fail(id.error());
        *target = id.value();
    }
    auto room = ScheduleArguments::optionalId(parser, QStringLiteral("room"));
    if (!room)
        return context.fail(room.error());
    request.roomId = room.value();
    request.allowPast = parser.isSet(QStringLiteral("allow-past"));
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

    auto booked = session.service<BookingService>().book(request);
    if (!booked)
        return context.fail(ScheduleArguments::withAcknowledgeHint(booked.error()));
    const Appointment &a = booked.value();
    if (context.json()) {
        context.printJson({{QStringLiteral("id"), a.id},
                           {QStringLiteral("start"), ScheduleArguments::isoLocal(a.startsAt, time)},
                           {QStringLiteral("end"), ScheduleArguments::isoLocal(a.endsAt, time)},
                           {QStringLiteral("room_id"), a.roomId ? QJsonValue(*a.roomId) : QJsonValue()}});
        return 0;
    }
    context.out() << a.id << Qt::endl;
    return 0;
}

} // namespace dermdesk::cli
