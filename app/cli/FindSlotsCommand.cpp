#include "FindSlotsCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/SlotFinder.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::FindSlotsCommand");

} // namespace

QString FindSlotsCommand::summary() const
{
    return tr("List the next free times for an appointment type.");
}

QString FindSlotsCommand::synopsis() const
{
    return QStringLiteral("--type ID [--practitioner ID] [--patient ID] --from YYYY-MM-DD --to YYYY-MM-DD [--count N]");
}

QList<QCommandLineOption> FindSlotsCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("type"), tr("The appointment type."), QStringLiteral("ID")),
            ScheduleArguments::practitionerOption(
                tr("Only this practitioner (default: anyone who performs the type).")),
            QCommandLineOption(QStringLiteral("patient"), tr("The patient must be free too."), QStringLiteral("ID")),
            QCommandLineOption(QStringLiteral("from"), tr("First local day to search."), QStringLiteral("YYYY-MM-DD")),
            QCommandLineOption(QStringLiteral("to"), tr("Last local day to search."), QStringLiteral("YYYY-MM-DD")),
            QCommandLineOption(QStringLiteral("count"), tr("How many slots, 1 to 200 (default 10)."),
                               QStringLiteral("N"))};
}

int FindSlotsCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    SlotFinder::Query query;
    auto type = ScheduleArguments::requiredId(parser, QStringLiteral("type"));
    if (!type)
        return context.fail(type.error());
    query.typeId = type.value();
    auto practitioner = ScheduleArguments::optionalId(parser, QStringLiteral("practitioner"));
    if (!practitioner)
        return context.fail(practitioner.error());
    query.practitionerId = practitioner.value();
    auto patient = ScheduleArguments::optionalId(parser, QStringLiteral("patient"));
    if (!patient)
        return context.fail(patient.error());
    query.patientId = patient.value();
    for (const auto &[option, target] :
         {std::pair{QStringLiteral("from"), &query.from}, std::pair{QStringLiteral("to"), &query.to}}) {
        if (auto given = CliContext::required(parser, option); !given)
            return context.fail(given.error());
        auto date = CliContext::date(parser, option);
        if (!date)
            return context.fail(date.error());
        *target = date.value();
    }
    auto count = CliContext::integer(parser, QStringLiteral("count"), 1, 200, 10);
    if (!count)
        return context.fail(count.error());
    query.count = int(count.value());
    query.leaveOutScreeningStops = true;

    auto opened = ScheduleArguments::open(context, CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value().session;
    const ScheduleSetup &setup = opened.value().setup;
    const auto searched = session.service<SlotFinder>().search(query);
    if (!searched)
        return context.fail(searched.error());
    const Result<QList<SlotFinder::Slot>> found = searched.value().found;
    const QList<SlotFinder::LeftOut> &leftOut = searched.value().leftOut;

    const ClinicTime &time = setup.time();
    const auto practitionerName = [&setup](qint64 id) {
        const Practitioner *p = setup.practitioner(id);
        return p ? p->displayName : QString::number(id);
    };
    const auto roomName = [&setup](const std::optional<qint64> &id) {
        const Room *r = id ? setup.room(*id) : nullptr;
        return r ? r->name : QString();
    };
    if (context.json()) {
        QJsonArray rows;
        for (const SlotFinder::Slot &slot : found.value()) {
            rows.append(
                QJsonObject{{QStringLiteral("start"), ScheduleArguments::isoLocal(slot.startsAt, time)},
                            {QStringLiteral("end"), ScheduleArguments::isoLocal(slot.endsAt, time)},
                            {QStringLiteral("practitioner_id"), slot.practitionerId},
                            {QStringLiteral("practitioner"), practitionerName(slot.practitionerId)},
                            {QStringLiteral("room_id"), slot.roomId ? QJsonValue(*slot.roomId) : QJsonValue()},
                            {QStringLiteral("room"), slot.roomId ? QJsonValue(roomName(slot.roomId)) : QJsonValue()}});
        }
        QJsonArray left;
        for (const SlotFinder::LeftOut &run : leftOut) {
            left.append(
                QJsonObject{{QStringLiteral("from"), run.from.toString(Qt::ISODate)},
                            {QStringLiteral("to"), run.to.toString(Qt::ISODate)},
                            {QStringLiteral("rule"), run.rule},
                            {QStringLiteral("clears_on"),
                             run.clearsOn.isValid() ? QJsonValue(run.clearsOn.toString(Qt::ISODate)) : QJsonValue()}});
        }
        context.printJson({{QStringLiteral("slots"), rows}, {QStringLiteral("left_out"), left}});
        return 0;
    }
    if (!leftOut.isEmpty())
        context.out() << CliContext::shown(SlotFinder::describe(leftOut)) << '\n';
    if (found.value().isEmpty()) {
        context.out() << tr("No free time found between %1 and %2.")
                             .arg(query.from.toString(Qt::ISODate), query.to.toString(Qt::ISODate))
                      << Qt::endl;
        return 0;
    }
    for (const SlotFinder::Slot &slot : found.value()) {
        QStringList columns{QStringLiteral("%1–%2").arg(ScheduleArguments::shortLocal(slot.startsAt, time),
                                                        ScheduleArguments::clockLocal(slot.endsAt, time)),
                            CliContext::shown(practitionerName(slot.practitionerId))};
        if (slot.roomId)
            columns.append(CliContext::shown(roomName(slot.roomId)));
        context.out() << columns.join(QStringLiteral("  ")) << '\n';
    }
    context.out().flush();
    return 0;
}

} // namespace dermdesk::cli
