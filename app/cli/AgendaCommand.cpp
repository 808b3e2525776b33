#include "AgendaCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "agenda/AgendaRepository.h"
#include "calendar/ScheduleSetup.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::AgendaCommand");

} // namespace

QString AgendaCommand::summary() const
{
    return tr("List one day's appointments in the clinic's time zone.");
}

QList<QCommandLineOption> AgendaCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("date"), tr("The local day to list."), QStringLiteral("YYYY-MM-DD")),
            ScheduleArguments::practitionerOption(tr("Only this practitioner's appointments."))};
}

int AgendaCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    if (auto given = CliContext::required(parser, QStringLiteral("date")); !given)
        return context.fail(given.error());
    auto date = CliContext::date(parser, QStringLiteral("date"));
    if (!date)
        return context.fail(date.error());
    auto practitioner = ScheduleArguments::optionalId(parser, QStringLiteral("practitioner"));
    if (!practitioner)
        return context.fail(practitioner.error());

    auto opened = ScheduleArguments::open(context, CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value().session;
    const ScheduleSetup &setup = opened.value().setup;
    if (practitioner.value() && !setup.practitioner(*practitioner.value())) {
        return context.fail(Error::notFound(QStringLiteral("practitioner"),
                                            tr("There is no practitioner %1.").arg(*practitioner.value())));
    }
    const ClinicTime &time = setup.time();
    const auto entries = session.service<AgendaRepository>().between(time.dayRange(date.value()), practitioner.value());
    if (!entries)
        return context.fail(entries.error());

    if (context.json()) {
        QJsonArray rows;
        for (const AgendaEntry &e : entries.value()) {
            rows.append(
                QJsonObject{{QStringLiteral("id"), e.id},
                            {QStringLiteral("start"), ScheduleArguments::isoLocal(e.startsAt, time)},
                            {QStringLiteral("end"), ScheduleArguments::isoLocal(e.endsAt, time)},
                            {QStringLiteral("patient_id"), e.patientId},
                            {QStringLiteral("patient"), e.patientName},
                            {QStringLiteral("type_id"), e.typeId},
                            {QStringLiteral("type"), e.typeName},
                            {QStringLiteral("practitioner_id"), e.practitionerId},
                            {QStringLiteral("practitioner"), e.practitionerName},
                            {QStringLiteral("room"), e.roomName.isEmpty() ? QJsonValue() : QJsonValue(e.roomName)},
                            {QStringLiteral("status"), appointment_status::toStorage(e.status)}});
        }
        context.printJson({{QStringLiteral("date"), date.value().toString(Qt::ISODate)},
                           {QStringLiteral("time_zone"), QString::fromUtf8(time.zone().id())},
                           {QStringLiteral("appointments"), rows}});
        return 0;
    }
    if (entries.value().isEmpty()) {
        context.out() << tr("No appointments on %1.").arg(date.value().toString(Qt::ISODate)) << Qt::endl;
        return 0;
    }
    for (const AgendaEntry &e : entries.value()) {
        const QString span = QStringLiteral("%1–%2").arg(ScheduleArguments::clockLocal(e.startsAt, time),
                                                         ScheduleArguments::clockLocal(e.endsAt, time));
        QStringList columns{span, QStringLiteral("#%1").arg(e.id), CliContext::shown(e.patientName),
                            CliContext::shown(e.typeName), CliContext::shown(e.practitionerName)};
        if (!e.roomName.isEmpty())
            columns.append(CliContext::shown(e.roomName));
        columns.append(appointment_status::toStorage(e.status));
        context.out() << columns.join(QStringLiteral("  ")) << '\n';
    }
    context.out().flush();
    return 0;
}

} // namespace dermdesk::cli
