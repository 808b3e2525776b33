#include "ClinicRepository.h"

#include "WorkingDay.h"

#include "common/TextRules.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QRegularExpression>

// The field checks of ClinicRepository (shared by the settings dialog, the command line and the saves) and the
// stored words of the clinic-wide choices: rules about values, with no database.

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ClinicRepository");

bool isColour(const QString &colour)
{
    static const QRegularExpression pattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return pattern.match(colour).hasMatch();
}

// The message names the weekday and the times at fault.
Status validateHours(const QList<WeeklyHours> &hours, const QString &field)
{
    for (const WeeklyHours &span : hours) {
        if (span.weekday < 1 || span.weekday > 7) {
            return Error::invalidInput(field,
                                       tr("A weekday must be 1 (Monday) to 7 (Sunday), not %1.").arg(span.weekday));
        }
        if (span.startMin < 0 || span.endMin > 24 * 60 || span.endMin <= span.startMin) {
            return Error::invalidInput(field, tr("%1: each span of hours must end after it starts, within one day "
                                                 "(%2–%3).")
                                                  .arg(WorkingDay::weekdayName(span.weekday),
                                                       WorkingDay::minuteText(span.startMin),
                                                       WorkingDay::minuteText(span.endMin)));
        }
    }
    for (qsizetype i = 0; i < hours.size(); ++i) {
        for (qsizetype j = i + 1; j < hours.size(); ++j) {
            const WeeklyHours &a = hours.at(i);
            const WeeklyHours &b = hours.at(j);
            if (a.weekday == b.weekday && a.startMin < b.endMin && b.startMin < a.endMin) {
                return Error::invalidInput(field, tr("%1: two spans of hours overlap (%2–%3 and %4–%5).")
                                                      .arg(WorkingDay::weekdayName(a.weekday),
                                                           WorkingDay::minuteText(a.startMin),
                                                           WorkingDay::minuteText(a.endMin),
                                                           WorkingDay::minuteText(b.startMin),
                                                           WorkingDay::minuteText(b.endMin)));
            }
        }
    }
    return {};
}

} // namespace

QString ClinicRepository::unscreenedPolicyCode(ClinicSettings::UnscreenedPolicy policy)
{
    return policy == ClinicSettings::UnscreenedPolicy::Stop ? QStringLiteral("stop") : QStringLiteral("caution");
}

QString ClinicRepository::paperSizeCode(ClinicSettings::PaperSize size)
{
    switch (size) {
    case ClinicSettings::PaperSize::Letter:
        return QStringLiteral("letter");
    case ClinicSettings::PaperSize::A4:
        return QStringLiteral("a4");
    case ClinicSettings::PaperSize::Automatic:
        break;
    }
    return QStringLiteral(""); // not null: the column is NOT NULL
}

ClinicSettings::PaperSize ClinicRepository::paperSizeFromCode(const QString &code)
{
    if (code == QLatin1String("letter"))
        return ClinicSettings::PaperSize::Letter;
    if (code == QLatin1String("a4"))
        return ClinicSettings::PaperSize::A4;
    return ClinicSettings::PaperSize::Automatic;
}

Status ClinicRepository::validate(const ClinicSettings &settings)
{
    if (Status s = TextRules::check(
            {{settings.name, QStringLiteral("name"), TextRules::lineLength},
             {settings.address, QStringLiteral("address"), TextRules::reasonLength, TextRules::Lines::Many},
             {settings.phone, QStringLiteral("phone"), TextRules::phoneLength},
             {settings.email, QStringLiteral("email"), TextRules::emailLength},
             {settings.consentFormVersion, QStringLiteral("consent_form_version"), TextRules::lineLength}});
        !s)
        return s;
    if (settings.name.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("name"), tr("The clinic needs a name."));
    // Any id the time-zone database knows, aliases included ("Etc/UTC", "GMT"): the list of
    // QTimeZone::availableTimeZoneIds() leaves some of them out.
    if (settings.timeZone.trimmed().isEmpty() || !QTimeZone(settings.timeZone).isValid()) {
        return Error::invalidInput(QStringLiteral("time_zone"),
                                   tr("\"%1\" is not a known time zone; use a name such as America/New_York.")
                                       .arg(QString::fromUtf8(settings.timeZone)));
    }
    if (!QList<int>{5, 10, 15, 20, 30}.contains(settings.slotMinutes)) {
        return Error::invalidInput(QStringLiteral("slot_minutes"),
                                   tr("The schedule grid must be 5, 10, 15, 20 or 30 minutes, not %1.")
                                       .arg(settings.slotMinutes));
    }
    if (Status plans = validatePlanDefaults(settings); !plans)
        return plans;
    if (!settings.email.trimmed().isEmpty() && !settings.email.contains(QLatin1Char('@')))
        return Error::invalidInput(QStringLiteral("email"), tr("An email address contains an @."));
    if (settings.screeningMaxAgeDays < 1 || settings.screeningMaxAgeDays > 3650) {
        return Error::invalidInput(QStringLiteral("screening_max_age_days"),
                                   tr("Screening stays valid for 1 to 3650 days."));
    }
    return validateHours(settings.openingHours, QStringLiteral("opening_hours"));
}

Status ClinicRepository::validatePlanDefaults(const ClinicSettings &settings)
{
    if (settings.defaultSessions < 1 || settings.defaultSessions > 20) {
        return Error::invalidInput(QStringLiteral("default_sessions"),
                                   tr("A course has 1 to 20 sessions, not %1.").arg(settings.defaultSessions));
    }
    if (settings.defaultIntervalMinWeeks < 1 || settings.defaultIntervalMinWeeks > 52) {
        return Error::invalidInput(QStringLiteral("default_interval_min_weeks"),
                                   tr("The minimum interval is 1 to 52 weeks, not %1.")
                                       .arg(settings.defaultIntervalMinWeeks));
    }
    if (settings.defaultIntervalMaxWeeks < 1 || settings.defaultIntervalMaxWeeks > 52) {
        return Error::invalidInput(QStringLiteral("default_interval_max_weeks"),
                                   tr("The maximum interval is 1 to 52 weeks, not %1.")
                                       .arg(settings.defaultIntervalMaxWeeks));
    }
    if (settings.defaultIntervalMinWeeks > settings.defaultIntervalMaxWeeks) {
        return Error::invalidInput(QStringLiteral("default_interval_min_weeks"),
                                   tr("The minimum interval (%1 weeks) must not be above the maximum (%2 weeks).")
                                       .arg(settings.defaultIntervalMinWeeks)
                                       .arg(settings.defaultIntervalMaxWeeks));
    }
    if (settings.recallHorizonDays < 0 || settings.recallHorizonDays > 90) {
        return Error::invalidInput(QStringLiteral("recall_horizon_days"),
                                   tr("The recall list looks ahead 0 to 90 days, not %1.")
                                       .arg(settings.recallHorizonDays));
    }
    if (settings.consentFormVersion.trimmed().size() > 40) {
        return Error::invalidInput(QStringLiteral("consent_form_version"),
                                   tr("A consent form version is at most 40 characters."));
    }
    return {};
}

Status ClinicRepository::validate(const Practitioner &practitioner)
{
    if (Status s = TextRules::check({{practitioner.displayName, QStringLiteral("display_name"), TextRules::nameLength},
                                     {practitioner.title, QStringLiteral("title"), TextRules::nameLength}});
        !s)
        return s;
    if (practitioner.displayName.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("display_name"), tr("The practitioner needs a name."));
    if (!isColour(practitioner.colour)) {
        return Error::invalidInput(QStringLiteral("colour"),
                                   tr("A practitioner's colour is written #rrggbb, not \"%1\".")
                                       .arg(practitioner.colour));
    }
    return validateHours(practitioner.hours, QStringLiteral("hours"));
}

Status ClinicRepository::validate(const AppointmentType &type)
{
    if (Status s = TextRules::check(type.name, QStringLiteral("name"), TextRules::nameLength); !s)
        return s;
    if (type.name.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("name"), tr("The appointment type needs a name."));
    if (type.durationMin < 5 || type.durationMin > 480) {
        return Error::invalidInput(QStringLiteral("duration_min"),
                                   tr("A duration is 5 to 480 minutes, not %1.").arg(type.durationMin));
    }
    if (type.prepMin < 0 || type.prepMin > 120) {
        return Error::invalidInput(QStringLiteral("prep_min"),
                                   tr("Preparation is 0 to 120 minutes, not %1.").arg(type.prepMin));
    }
    if (type.cleanupMin < 0 || type.cleanupMin > 120) {
        return Error::invalidInput(QStringLiteral("cleanup_min"),
                                   tr("Clean-up is 0 to 120 minutes, not %1.").arg(type.cleanupMin));
    }
    if (!isColour(type.colour)) {
        return Error::invalidInput(QStringLiteral("colour"),
                                   tr("An appointment type's colour is written #rrggbb, not \"%1\".").arg(type.colour));
    }
    return {};
}

} // namespace dermdesk
