#include "ScreeningEvaluator.h"

#include "ScreeningRepository.h"
#include "clinic/ClinicRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace dermdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::ScreeningEvaluator", text);
}

QString dateText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

// What every evaluation reads once: the rules, how long a screening stays valid, the clinic's zone.
struct RuleSetup
{
    QList<ContraindicationRule> rules;
    int maxAgeDays = 90;
    QTimeZone zone;
};

Result<RuleSetup> loadSetup(const Database &database)
{
    const ScreeningRepository repository(database);
    auto rules = repository.rules();
    if (!rules)
        return rules.error();
    auto maxAge = repository.maxAgeDays();
    if (!maxAge)
        return maxAge.error();
    return RuleSetup{rules.value(), maxAge.value(), ClinicRepository(database).timeZone()};
}

} // namespace

ScreeningEvaluator::ScreeningEvaluator(const Database &database)
    : m_database(database)
{
}

ScreeningOutcome ScreeningEvaluator::evaluate(const QList<ContraindicationRule> &rules,
                                              const QHash<qint64, ScreeningAnswer> &answers,
                                              const QDate &appointmentDate, bool isTreatment, int maxAgeDays,
                                              const QTimeZone &zone)
{
    ScreeningOutcome outcome;
    if (!isTreatment)
        return outcome;
    if (answers.isEmpty()) {
        outcome.cautions.append({0, QStringLiteral("screening.missing"), tr("No screening"),
                                 tr("This patient has not answered the medical screening.")});
    } else {
        qint64 newest = 0;
        for (const ScreeningAnswer &answer : answers)
            newest = std::max(newest, answer.answeredAt);
        const QDate answeredOn = QDateTime::fromSecsSinceEpoch(newest, zone).date();
        const qint64 age = answeredOn.daysTo(appointmentDate);
        if (age > maxAgeDays) {
            outcome.cautions.append({0, QStringLiteral("screening.out_of_date"), tr("Screening out of date"),
                                     tr("The screening from %1 is %2 days old on %3; it is valid for %4 days.")
                                         .arg(dateText(answeredOn))
                                         .arg(age)
                                         .arg(dateText(appointmentDate))
                                         .arg(maxAgeDays)});
        }
    }
    for (const ContraindicationRule &rule : rules) {
        if (!rule.active)
            continue;
        const auto answer = answers.constFind(rule.questionId);
        if (answer == answers.cend() || !answer->yes)
            continue;
        QString message;
        if (rule.lookbackDays) {
            if (answer->eventDate.isValid()) {
                const qint64 days = answer->eventDate.daysTo(appointmentDate);
                if (days >= *rule.lookbackDays)
                    continue;
                message = tr("%1: %2 is %3 days before %4; the rule asks for at least %5.")
                              .arg(rule.name, dateText(answer->eventDate))
                              .arg(days)
                              .arg(dateText(appointmentDate))
                              .arg(*rule.lookbackDays);
            } else {
                message = tr("%1: the date is not known, so the rule applies.").arg(rule.name);
            }
        } else {
            message = rule.name;
        }
        const ScreeningFinding finding{rule.id, QStringLiteral("rule.%1").arg(rule.id), rule.name, message};
        if (rule.kind == ContraindicationRule::Kind::Stop) {
            outcome.stops.append(finding);
        } else {
            outcome.cautions.append(finding);
        }
    }
    return outcome;
}

QString ScreeningEvaluator::describe(const QList<ScreeningFinding> &findings)
{
    QStringList parts;
    for (const ScreeningFinding &finding : findings) {
        if (finding.message.isEmpty() || finding.message == finding.name)
            parts.append(finding.name);
        else if (finding.message.startsWith(finding.name))
            parts.append(finding.message);
        else
            parts.append(tr("%1: %2").arg(finding.name, finding.message));
        if (parts.last().endsWith(QLatin1Char('.')))
            parts.last().chop(1);
    }
    return parts.join(QStringLiteral("; "));
}

Result<ScreeningOutcome> ScreeningEvaluator::evaluate(qint64 patientId, const QDate &appointmentDate,
                                                      bool isTreatment) const
{
    if (!isTreatment)
        return ScreeningOutcome();
    auto setup = loadSetup(m_database);
    if (!setup)
        return setup.error();
    auto answers = ScreeningRepository(m_database).latestAnswers(patientId);
    if (!answers)
        return answers.error();
    const RuleSetup &s = setup.value();
    return evaluate(s.rules, answers.value(), appointmentDate, true, s.maxAgeDays, s.zone);
}

Result<QHash<qint64, ScreeningEvaluator::Level>>
ScreeningEvaluator::alerts(const QList<qint64> &patientIds, const QDate &date, bool flagUnscreened) const
{
    QList<Visit> visits;
    visits.reserve(patientIds.size());
    for (const qint64 id : patientIds)
        visits.append({id, date});
    auto found = alerts(visits, flagUnscreened);
    if (!found)
        return found.error();
    QHash<qint64, Level> levels;
    for (auto it = found.value().cbegin(); it != found.value().cend(); ++it)
        levels.insert(it.key().first, it.value());
    return levels;
}

Result<QHash<ScreeningEvaluator::Visit, ScreeningEvaluator::Level>>
ScreeningEvaluator::alerts(const QList<Visit> &visits, bool flagUnscreened) const
{
    QHash<Visit, Level> levels;
    if (visits.isEmpty())
        return levels;
    QList<qint64> patientIds;
    patientIds.reserve(visits.size());
    for (const Visit &visit : visits)
        patientIds.append(visit.first);
    std::sort(patientIds.begin(), patientIds.end());
    patientIds.erase(std::unique(patientIds.begin(), patientIds.end()), patientIds.end());
    auto answers = ScreeningRepository(m_database).latestAnswers(patientIds);
    if (!answers)
        return answers.error();
    return alertsFrom(visits, answers.value(), flagUnscreened);
}

Result<QHash<ScreeningEvaluator::Visit, ScreeningEvaluator::Level>>
ScreeningEvaluator::alertsForBooked(const QList<Visit> &visits, qint64 from, qint64 to, bool flagUnscreened) const
{
    if (visits.isEmpty())
        return QHash<Visit, Level>();
    auto answers = ScreeningRepository(m_database).latestAnswersOfPatientsBooked(from, to);
    if (!answers)
        return answers.error();
    return alertsFrom(visits, answers.value(), flagUnscreened);
}

Result<QHash<ScreeningEvaluator::Visit, ScreeningEvaluator::Level>>
ScreeningEvaluator::alertsFrom(const QList<Visit> &visits, const QHash<qint64, QHash<qint64, ScreeningAnswer>> &answers,
                               bool flagUnscreened) const
{
    QHash<Visit, Level> levels;
    // Without answers only missing screening could apply, and it is not asked for.
    if (!flagUnscreened && answers.isEmpty())
        return levels;
    auto setup = loadSetup(m_database);
    if (!setup)
        return setup.error();
    const RuleSetup &s = setup.value();
    for (const Visit &visit : visits) {
        const ScreeningOutcome outcome =
            evaluate(s.rules, answers.value(visit.first), visit.second, true, s.maxAgeDays, s.zone);
        if (outcome.refuses()) {
            levels.insert(visit, Level::Stop);
            continue;
        }
        const bool caution = std::any_of(outcome.cautions.cbegin(), outcome.cautions.cend(),
                                         [flagUnscreened](const ScreeningFinding &finding) {
                                             return flagUnscreened || finding.ruleId != 0;
                                         });
        if (caution)
            levels.insert(visit, Level::Caution);
    }
    return levels;
}

} // namespace dermdesk
