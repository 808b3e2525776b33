#include "PatientCommand.h"

#include "CliContext.h"
#include "PatientExportCommand.h"
#include "ScheduleArguments.h"
#include "calendar/AppointmentRepository.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "patients/PatientFieldRules.h"
#include "patients/PatientRepository.h"
#include "patients/ScreeningEvaluator.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::PatientCommand");

QJsonValue dateJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject summaryJson(const PatientSummary &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("given_name"), p.givenName},
            {QStringLiteral("family_name"), p.familyName},
            {QStringLiteral("preferred_name"), p.preferredName},
            {QStringLiteral("birth_date"), dateJson(p.birthDate)},
            {QStringLiteral("phone"), p.phone},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("archived"), p.archived}};
}

int add(CliContext &context, const QCommandLineParser &parser)
{
    Patient patient;
    for (const auto &[option, target] : {std::pair{QStringLiteral("given"), &patient.givenName},
                                         std::pair{QStringLiteral("family"), &patient.familyName}}) {
        auto value = CliContext::required(parser, option);
        if (!value)
            return context.fail(value.error());
        *target = value.value();
    }
    if (!parser.isSet(QStringLiteral("birth-date")))
        return context.fail(Error::invalidInput(QStringLiteral("--birth-date"), tr("--birth-date is required.")));
    auto birth = CliContext::date(parser, QStringLiteral("birth-date"));
    if (!birth)
        return context.fail(birth.error());
    patient.birthDate = birth.value();
    patient.phone = parser.value(QStringLiteral("phone"));
    patient.email = parser.value(QStringLiteral("email"));

    auto opened = context.openExisting();
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value();
    const QDate today = session.clock().now().toTimeZone(session.service<ClinicRepository>().timeZone()).date();
    if (const Status valid = PatientFieldRules::check(patient, today); !valid)
        return context.fail(valid.error());
    PatientRepository &repository = session.service<PatientRepository>();
    if (!parser.isSet(QStringLiteral("allow-duplicate"))) {
        auto duplicates = repository.possibleDuplicates(patient);
        if (!duplicates)
            return context.fail(duplicates.error());
        if (!duplicates.value().isEmpty()) {
            const PatientSummary &same = duplicates.value().first();
            return context.fail(Error::rule(QStringLiteral("duplicate"),
                                            tr("Patient %1 (%2, born %3) may be the same person; use that record "
                                               "or add --allow-duplicate.")
                                                .arg(same.id)
                                                .arg(same.sortName(), same.birthDate.toString(Qt::ISODate))));
        }
    }
    auto id = repository.add(patient);
    if (!id)
        return context.fail(id.error());
    if (context.json()) {
        context.printJson({{QStringLiteral("id"), id.value()}});
    } else {
        context.out() << id.value() << Qt::endl;
    }
    return 0;
}

int show(CliContext &context, const QCommandLineParser &parser)
{
    auto text = ScheduleArguments::positional(parser, 1, QStringLiteral("ID"));
    bool ok = false;
    const qint64 id = text ? text.value().toLongLong(&ok) : 0;
    if (!ok || id <= 0)
        return context.fail(Error::invalidInput(QStringLiteral("ID"), tr("Give the patient's id: patient show ID.")));
    auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    ClinicSession &session = *opened.value();
    auto found = session.service<PatientRepository>().find(id);
    if (!found)
        return context.fail(found.error());
    auto attendance = session.service<AppointmentRepository>().attendance(id);
    if (!attendance)
        return context.fail(attendance.error());
    auto screening = session.service<ScreeningEvaluator>().alerts({id}, QDate::currentDate());
    if (!screening)
        return context.fail(screening.error());
    const Patient &p = found.value();
    const Attendance &a = attendance.value();
    const auto level = screening.value().value(id, ScreeningEvaluator::Level::Clear);
    // Missing and out-of-date screening are cautions unless the clinic made them stops.
    const QString screeningText = level == ScreeningEvaluator::Level::Stop    ? QStringLiteral("stop")
                                  : level == ScreeningEvaluator::Level::Clear ? QStringLiteral("clear")
                                                                              : QStringLiteral("caution");
    if (context.json()) {
        QJsonObject json = p.toJson();
        json.insert(QStringLiteral("id"), p.id);
        json.insert(QStringLiteral("completed"), a.completed);
        json.insert(QStringLiteral("cancelled"), a.cancelled);
        json.insert(QStringLiteral("late_cancels"), a.lateCancels);
        json.insert(QStringLiteral("no_shows"), a.noShows);
        json.insert(QStringLiteral("screening_today"), screeningText);
        context.printJson(json);
        return 0;
    }
    context.printFields({{tr("Id"), QString::number(p.id)},
                         {tr("Name"), PatientSummary::fullName(p.givenName, p.familyName, p.preferredName)},
                         {tr("Born"), p.birthDate.toString(Qt::ISODate)},
                         {tr("Mobile"), p.phone},
                         {tr("Home phone"), p.phoneHome},
                         {tr("Email"), p.email},
                         {tr("Archived"), p.archived ? tr("yes") : tr("no")},
                         {tr("Visits"), tr("%1 completed, %2 cancelled (%3 late), %4 no-show")
                                            .arg(a.completed)
                                            .arg(a.cancelled)
                                            .arg(a.lateCancels)
                                            .arg(a.noShows)},
                         {tr("Screening today"), screeningText}});
    return 0;
}

int search(CliContext &context, const QCommandLineParser &parser)
{
    auto text = ScheduleArguments::positional(parser, 1, QStringLiteral("TEXT"));
    if (!text) {
        return context.fail(
            Error::invalidInput(QStringLiteral("TEXT"), tr("Give what to look for: patient search TEXT.")));
    }
    auto limit = CliContext::integer(parser, QStringLiteral("limit"), 1, 1000, 20);
    if (!limit)
        return context.fail(limit.error());
    auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    PatientRepository::SearchOptions options;
    options.includeArchived = parser.isSet(QStringLiteral("archived"));
    auto found = opened.value()->service<PatientRepository>().search(text.value(), int(limit.value()), options);
    if (!found)
        return context.fail(found.error());
    if (context.json()) {
        QJsonArray patients;
        for (const PatientSummary &p : found.value())
            patients.append(summaryJson(p));
        context.printJson({{QStringLiteral("patients"), patients}});
        return 0;
    }
    for (const PatientSummary &p : found.value()) {
        context.out() << p.id << '\t' << CliContext::shown(p.sortName()) << '\t' << p.birthDate.toString(Qt::ISODate)
                      << '\t' << CliContext::shown(p.phone) << '\t' << CliContext::shown(p.email)
                      << (p.archived ? QStringLiteral("\t(archived)") : QString()) << Qt::endl;
    }
    return 0;
}

} // namespace

QString PatientCommand::summary() const
{
    return tr("Add a patient, show one, or search by name, phone, birth date or email.");
}

QString PatientCommand::synopsis() const
{
    return QStringLiteral("add --given NAME --family NAME --birth-date YYYY-MM-DD [--phone P] [--email E] "
                          "[--allow-duplicate] | show ID | search TEXT [--limit N] [--archived] | "
                          "export ID [--json] -o FILE | list-csv -o FILE");
}

QList<QCommandLineOption> PatientCommand::options() const
{
    return QList<QCommandLineOption>{
               QCommandLineOption(QStringLiteral("given"), tr("Given name (add)."), QStringLiteral("NAME")),
               QCommandLineOption(QStringLiteral("family"), tr("Family name (add)."), QStringLiteral("NAME")),
               QCommandLineOption(QStringLiteral("birth-date"), tr("Birth date, YYYY-MM-DD (add)."),
                                  QStringLiteral("DATE")),
               QCommandLineOption(QStringLiteral("phone"), tr("Mobile number (add)."), QStringLiteral("P")),
               QCommandLineOption(QStringLiteral("email"), tr("Email address (add)."), QStringLiteral("E")),
               QCommandLineOption(QStringLiteral("allow-duplicate"),
                                  tr("Add even when an existing patient has the same name and birth date or phone.")),
               QCommandLineOption(QStringLiteral("limit"), tr("At most N results (search; default 20)."),
                                  QStringLiteral("N")),
               QCommandLineOption(QStringLiteral("archived"), tr("List archived patients too, last (search)."))}
           + PatientExportCommand::options();
}

int PatientCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto action = ScheduleArguments::positional(parser, 0, QStringLiteral("ACTION"));
    const QString chosen = action ? action.value() : QString();
    if (chosen == QLatin1String("add"))
        return add(context, parser);
    if (chosen == QLatin1String("show"))
        return show(context, parser);
    if (chosen == QLatin1String("search"))
        return search(context, parser);
    if (chosen == QLatin1String("export"))
        return PatientExportCommand::exportRecord(context, parser);
    if (chosen == QLatin1String("list-csv"))
        return PatientExportCommand::listCsv(context, parser);
    return context.fail(Error::invalidInput(QStringLiteral("ACTION"), tr("Say what to do: patient add, patient show "
                                                                         "ID or patient search TEXT.")));
}

} // namespace dermdesk::cli
