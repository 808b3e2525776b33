#include "TreatmentPlan.h"

#include "common/TextRules.h"
#include "common/Translation.h"

#include <QCoreApplication>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::TreatmentPlan");

Status checkInterval(int minWeeks, int maxWeeks)
{
    if (minWeeks < 1 || maxWeeks < 1 || minWeeks > TreatmentPlan::maxIntervalWeeks
        || maxWeeks > TreatmentPlan::maxIntervalWeeks) {
        return Error::invalidInput(QStringLiteral("interval"), tr("The interval between sessions is 1 to %1 weeks.")
                                                                   .arg(TreatmentPlan::maxIntervalWeeks));
    }
    if (minWeeks > maxWeeks) {
        return Error::invalidInput(
            QStringLiteral("interval"),
            tr("The minimum interval (%1 weeks) is above the maximum (%2 weeks).").arg(minWeeks).arg(maxWeeks));
    }
    return {};
}

} // namespace

Status TreatmentPlan::checkDepth(double mm, const QString &where)
{
    if (mm < minDepthMm - 1e-9 || mm > maxDepthMm + 1e-9) {
        return Error::invalidInput(QStringLiteral("depth"),
                                   tr("The needle depth for %1 must be between %2 and %3 (got %4).")
                                       .arg(where, depthText(minDepthMm), depthText(maxDepthMm), depthText(mm)));
    }
    return {};
}

Status TreatmentPlan::validate() const
{
    if (patientId <= 0)
        return Error::invalidInput(QStringLiteral("patient"), tr("Choose the patient the plan is for."));
    if (typeId <= 0)
        return Error::invalidInput(QStringLiteral("type"), tr("Choose the appointment type of the sessions."));
    if (plannedSessions < 1 || plannedSessions > maxSessions) {
        return Error::invalidInput(QStringLiteral("sessions"),
                                   tr("A plan has 1 to %1 sessions (got %2).").arg(maxSessions).arg(plannedSessions));
    }
    if (Status s = checkInterval(intervalMinWeeks, intervalMaxWeeks); !s)
        return s;
    QStringList names;
    for (const PlanArea &area : areas) {
        if (area.area.trimmed().isEmpty())
            return Error::invalidInput(QStringLiteral("areas"), tr("A treatment area needs a name."));
        if (names.contains(area.area.trimmed(), Qt::CaseInsensitive))
            return Error::invalidInput(QStringLiteral("areas"), tr("%1 is listed twice.").arg(area.area));
        names.append(area.area.trimmed());
        if (area.plannedDepthMm) {
            if (Status s = checkDepth(*area.plannedDepthMm, area.area); !s)
                return s;
        }
    }
    if (preferredStartMin.has_value() != preferredEndMin.has_value()
        || (preferredStartMin
            && (*preferredStartMin < 0 || *preferredEndMin > 24 * 60 || *preferredEndMin <= *preferredStartMin))) {
        return Error::invalidInput(QStringLiteral("preferred_time"),
                                   tr("The preferred time of day must end after it starts, within one day."));
    }
    if (preferredWeekdays < 0 || preferredWeekdays > 127)
        return Error::invalidInput(QStringLiteral("preferred_weekdays"), tr("Unknown preferred weekdays."));
    if (status == PlanSummary::Status::Stopped && stopReason.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("reason"), tr("Say why the plan is stopped."));
    for (const PlanArea &area : areas) {
        if (Status s = TextRules::check(area.area, QStringLiteral("areas"), TextRules::lineLength); !s)
            return s;
    }
    for (const QString &concern : concerns) {
        if (Status s = TextRules::check(concern, QStringLiteral("concerns"), TextRules::lineLength); !s)
            return s;
    }
    return TextRules::check({{stopReason, QStringLiteral("reason"), TextRules::reasonLength},
                             {goals, QStringLiteral("goals"), TextRules::reasonLength, TextRules::Lines::Many},
                             {notes, QStringLiteral("notes"), TextRules::notesLength, TextRules::Lines::Many},
                             {consentFormVersion, QStringLiteral("consent_form_version"), TextRules::lineLength}});
}

QList<int> TreatmentPlan::preferredWeekdayList() const
{
    QList<int> days;
    for (int bit = 0; bit < 7; ++bit) {
        if (preferredWeekdays & (1 << bit))
            days.append(bit + 1);
    }
    return days;
}

QString TreatmentPlan::depthText(double mm)
{
    // Two decimals only when needed: 0.25 mm, 1.0 mm.
    const bool quarter = qAbs(mm * 10 - qRound(mm * 10)) > 1e-6;
    return tr("%1 mm").arg(mm, 0, 'f', quarter ? 2 : 1);
}

QString TreatmentPlan::areasText() const
{
    QStringList parts;
    for (const PlanArea &area : areas)
        parts.append(area.plannedDepthMm ? area.area + QLatin1Char(' ') + depthText(*area.plannedDepthMm) : area.area);
    return parts.join(QStringLiteral(", "));
}

Result<std::pair<int, int>> TreatmentPlan::parseInterval(const QString &text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char('-'));
    bool okMin = false;
    bool okMax = parts.size() == 2;
    const int minWeeks = parts.value(0).trimmed().toInt(&okMin);
    const int maxWeeks = parts.size() == 2 ? parts.value(1).trimmed().toInt(&okMax) : minWeeks;
    if (!okMin || !okMax || parts.size() > 2) {
        return Error::invalidInput(QStringLiteral("interval"),
                                   tr("Give the interval as MIN-MAX weeks, e.g. 4-6 (got \"%1\").").arg(text));
    }
    if (Status s = checkInterval(minWeeks, maxWeeks); !s)
        return s.error();
    return std::pair{minWeeks, maxWeeks};
}

QString TreatmentPlan::statusCode(PlanSummary::Status status)
{
    switch (status) {
    case PlanSummary::Status::Proposed:
        return QStringLiteral("proposed");
    case PlanSummary::Status::Active:
        return QStringLiteral("active");
    case PlanSummary::Status::Completed:
        return QStringLiteral("completed");
    case PlanSummary::Status::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

} // namespace dermdesk
