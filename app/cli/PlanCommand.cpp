#include "PlanCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"
#include "treatment/CourseBooker.h"
#include "treatment/SeriesPlanner.h"
#include "treatment/TreatmentPlanRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::PlanCommand");

QString timingText(SessionTiming timing)
{
    switch (timing) {
    case SessionTiming::Early:
        return QStringLiteral("early");
    case SessionTiming::Late:
        return QStringLiteral("late");
    case SessionTiming::InWindow:
        return QStringLiteral("in_window");
    case SessionTiming::NoWindow:
        return QStringLiteral("first");
    case SessionTiming::Unscheduled:
        return QStringLiteral("unscheduled");
    }
    return {};
}

// "face:1.0,neck:0.5" → areas; a name without ":" has no planned depth.
Result<QList<PlanArea>> parseAreas(const QString &text)
{
    QList<PlanArea> areas;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList pieces = part.split(QLatin1Char(':'));
        PlanArea area{pieces.value(0).trimmed(), std::nullopt};
        if (pieces.size() > 1) {
            bool ok = false;
            const double depth = pieces.value(1).trimmed().toDouble(&ok);
            if (!ok || pieces.size() > 2)
                return Error::invalidInput(QStringLiteral("--areas"),
                                           tr("Give areas as NAME:DEPTH_MM, e.g. face:1.0,neck:0.5 (got \"%1\").")
                                               .arg(part));
            area.plannedDepthMm = depth;
        }
        areas.append(area);
    }
    return areas;
}

int create(CliContext &context, const QCommandLineParser &parser)
{
    TreatmentPlan plan;
    for (const auto &[option, target] :
         {std::pair{QStringLiteral("patient"), &plan.patientId}, std::pair{QStringLiteral("type"), &plan.typeId}}) {
        auto id = ScheduleArguments::requiredId(parser, option);
        if (!id)
            return context.fail(id.error());
        *target = id.value();
    }
    auto practitioner = ScheduleArguments::optionalId(parser, QStringLiteral("practitioner"));
    if (!practitioner)
        return context.fail(practitioner.error());
    plan.leadPractitionerId = practitioner.value();
    // Without --sessions or --interval-weeks the clinic's plan defaults apply (read once the database is open).
    const bool givenSessions = parser.isSet(QStringLiteral("sessions"));
    const bool givenInterval = parser.isSet(QStringLiteral("interval-weeks"));
    if (givenSessions) {
        auto sessions = CliContext::integer(parser, QStringLiteral("sessions"), 1, TreatmentPlan::maxSessions, 0);
        if (!sessions)
            return context.fail(sessions.error());
        plan.plannedSessions = int(sessions.value());
    }
    if (givenInterval) {
        auto weeks = TreatmentPlan::parseInterval(parser.value(QStringLiteral("interval-weeks")));
        if (!weeks)
            return context.fail(Error::invalidInput(QStringLiteral("--interval-weeks"), weeks.error().message()));
        plan.intervalMinWeeks = weeks.value().first;
        plan.intervalMaxWeeks = weeks.value().second;
    }
    for (const QString &concern : parser.value(QStringLiteral("concerns")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        plan.concerns.append(concern.trimmed());
    auto areas = parseAreas(parser.value(QStringLiteral("areas")));
    if (!areas)
        return context.fail(areas.error());
    plan.areas = areas.value();

    auto opened = context.openExisting();
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value();
    if (!givenSessions || !givenInterval) {
        auto settings = session.service<ClinicRepository>().settings();
        if (!settings)
            return context.fail(settings.error());
        const ClinicSettings clinic = settings.value().value_or(ClinicSettings());
        if (!givenSessions)
            plan.plannedSessions = clinic.defaultSessions;
        if (!givenInterval) {
            plan.intervalMinWeeks = clinic.defaultIntervalMinWeeks;
            plan.intervalMaxWeeks = clinic.defaultIntervalMaxWeeks;
        }
    }
    auto created = session.service<TreatmentPlanRepository>().create(plan);
    if (!created)
        return context.fail(created.error());
    if (context.json())
        context.printJson({{QStringLiteral("id"), created.value().id}});
    else
        context.out() << created.value().id << Qt::endl;
    return 0;
}

QJsonObject sessionJson(const ProposedSession &s, const ClinicTime &time)
{
    QStringList cautions;
    for (const ScreeningFinding &caution : s.cautions)
        cautions.append(caution.name);
    return {{QStringLiteral("sequence"), s.sequence},
            {QStringLiteral("start"), ScheduleArguments::isoLocal(s.startsAt, time)},
            {QStringLiteral("end"), ScheduleArguments::isoLocal(s.endsAt, time)},
            {QStringLiteral("practitioner_id"), s.practitionerId},
            {QStringLiteral("room_id"), s.roomId ? QJsonValue(*s.roomId) : QJsonValue()},
            {QStringLiteral("window_start"),
             s.windowStart.isValid() ? QJsonValue(s.windowStart.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("window_end"),
             s.windowEnd.isValid() ? QJsonValue(s.windowEnd.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("timing"), timingText(s.timing)},
            {QStringLiteral("cautions"), QJsonArray::fromStringList(cautions)}};
}

int proposeOrBook(CliContext &context, const QCommandLineParser &parser, bool book)
{
    auto text = ScheduleArguments::positional(parser, 1, QStringLiteral("ID"));
    if (!text)
        return context.fail(text.error());
    bool ok = false;
    const qint64 id = text.value().toLongLong(&ok);
    if (!ok || id <= 0)
        return context.fail(Error::invalidInput(QStringLiteral("ID"), tr("The plan ID must be a positive number.")));
    auto opened = ScheduleArguments::open(context, book ? CliContext::Access::Write : CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value().session;
    const ClinicTime &time = opened.value().time();
    auto plan = session.service<TreatmentPlanRepository>().find(id);
    if (!plan)
        return context.fail(plan.error());
    auto proposal = session.service<SeriesPlanner>().propose(plan.value());
    if (!proposal)
        return context.fail(proposal.error());
    if (!book) {
        if (context.json()) {
            QJsonArray sessions;
            for (const ProposedSession &s : proposal.value().sessions)
                sessions.append(sessionJson(s, time));
            context.printJson({{QStringLiteral("plan_id"), id}, {QStringLiteral("sessions"), sessions}});
            return 0;
        }
        for (const ProposedSession &s : proposal.value().sessions) {
            context.out() << tr("%1 of %2  %3  practitioner %4%5  %6")
                                 .arg(s.sequence)
                                 .arg(plan.value().plannedSessions)
                                 .arg(ScheduleArguments::shortLocal(s.startsAt, time))
                                 .arg(s.practitionerId)
                                 .arg(s.roomId ? tr("  room %1").arg(*s.roomId) : QString(),
                                      s.windowStart.isValid() ? tr("window %1 – %2")
                                                                    .arg(s.windowStart.toString(Qt::ISODate),
                                                                         s.windowEnd.toString(Qt::ISODate))
                                                              : tr("first session"))
                          << Qt::endl;
        }
        return 0;
    }
    auto booked = session.service<CourseBooker>().bookCourse(plan.value(), proposal.value(),
                                                             parser.value(QStringLiteral("override-reason")),
                                                             parser.value(QStringLiteral("acknowledge")));
    if (!booked)
        return context.fail(booked.error());
    if (context.json()) {
        QJsonArray ids;
        for (const Appointment &a : booked.value())
            ids.append(a.id);
        context.printJson({{QStringLiteral("id"), id}, {QStringLiteral("appointment_ids"), ids}});
        return 0;
    }
    for (const Appointment &a : booked.value())
        context.out() << a.id << QLatin1Char(' ') << ScheduleArguments::shortLocal(a.startsAt, time) << Qt::endl;
    return 0;
}

} // namespace

QString PlanCommand::summary() const
{
    return tr("Create a treatment plan, propose its sessions, or book the whole course at once.");
}

QString PlanCommand::synopsis() const
{
    return QStringLiteral("create --patient ID --type ID [--sessions N] [--interval-weeks MIN-MAX] [--practitioner ID] "
                          "| propose ID | book ID [--override-reason TEXT] [--acknowledge TEXT]");
}

QList<QCommandLineOption> PlanCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("patient"), tr("The patient."), QStringLiteral("ID")),
            QCommandLineOption(QStringLiteral("type"), tr("The appointment type of the sessions."),
                               QStringLiteral("ID")),
            QCommandLineOption(QStringLiteral("sessions"),
                               tr("Planned number of sessions (1-20); default: the clinic's."), QStringLiteral("N")),
            QCommandLineOption(QStringLiteral("interval-weeks"),
                               tr("Weeks between sessions, e.g. 4-6; default: the clinic's."),
                               QStringLiteral("MIN-MAX")),
            ScheduleArguments::practitionerOption(tr("The lead practitioner.")),
            QCommandLineOption(QStringLiteral("concerns"), tr("Concerns treated, comma-separated."),
                               QStringLiteral("LIST")),
            QCommandLineOption(QStringLiteral("areas"), tr("Areas with planned depth, e.g. face:1.0,neck:0.5."),
                               QStringLiteral("LIST")),
            QCommandLineOption(QStringLiteral("override-reason"),
                               tr("Why a session may be earlier than the minimum interval."), QStringLiteral("TEXT")),
            QCommandLineOption(QStringLiteral("acknowledge"), tr("Why sessions are booked despite screening cautions."),
                               QStringLiteral("TEXT"))};
}

int PlanCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto action = ScheduleArguments::positional(parser, 0, QStringLiteral("ACTION"));
    const QString chosen = action ? action.value() : QString();
    if (chosen == QLatin1String("create"))
        return create(context, parser);
    if (chosen == QLatin1String("propose"))
        return proposeOrBook(context, parser, false);
    if (chosen == QLatin1String("book"))
        return proposeOrBook(context, parser, true);
    return context.fail(Error::invalidInput(QStringLiteral("ACTION"),
                                            tr("Say what to do: plan create, plan propose ID or plan book ID.")));
}

} // namespace dermdesk::cli
