#include "InfoCommand.h"

#include "CliContext.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "demo/ClinicCensus.h"
#include "session/ClinicSession.h"

#include <QCoreApplication>
#include <QDir>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::InfoCommand");

} // namespace

QString InfoCommand::summary() const
{
    return tr("Show the clinic's name, time zone, schema version and record counts.");
}

int InfoCommand::run(CliContext &context, const QCommandLineParser &)
{
    const auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    const ClinicSession &session = *opened.value();
    const Database &database = session.database();
    const auto settings = session.service<ClinicRepository>().settings();
    if (!settings)
        return context.fail(settings.error());
    const auto counts = session.service<ClinicCensus>().counts();
    if (!counts)
        return context.fail(counts.error());

    const std::optional<ClinicSettings> &clinic = settings.value();
    const QString name = clinic ? clinic->name : QString();
    const QString zone = clinic ? QString::fromUtf8(clinic->timeZone) : QString();
    const ClinicCounts &c = counts.value();
    if (context.json()) {
        context.printJson({{QStringLiteral("database"), database.path()},
                           {QStringLiteral("clinic"), name},
                           {QStringLiteral("time_zone"), zone},
                           {QStringLiteral("schema_version"), database.schemaVersion()},
                           {QStringLiteral("practitioners"), c.practitioners},
                           {QStringLiteral("rooms"), c.rooms},
                           {QStringLiteral("patients"), c.patients},
                           {QStringLiteral("appointments"), c.appointments},
                           {QStringLiteral("plans"), c.plans}});
        return 0;
    }
    const QString notSetUp = tr("(not set up yet)");
    context.printFields({{tr("Database"), QDir::toNativeSeparators(database.path())},
                         {tr("Clinic"), clinic ? name : notSetUp},
                         {tr("Time zone"), clinic ? zone : notSetUp},
                         {tr("Schema version"), QString::number(database.schemaVersion())},
                         {tr("Practitioners"), QString::number(c.practitioners)},
                         {tr("Rooms"), QString::number(c.rooms)},
                         {tr("Patients"), QString::number(c.patients)},
                         {tr("Appointments"), QString::number(c.appointments)},
                         {tr("Treatment plans"), QString::number(c.plans)}});
    return 0;
}

} // namespace dermdesk::cli
