#include "ScreeningEvaluator.h"

#include "ScreeningRepository.h"
#include "clinic/ClinicRepository.h"
#include "common/TimeFormat.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::ScreeningEvaluator");

QString dateText(const QDate &date)
{
    return shortDateText(date, QLocale());
}

// What every evaluation reads once: the rules, how long a screening stays valid, the clinic's zone.
struct RuleSetup
{
    QList<ContraindicationRule> rules;
    int maxAgeDays = 90;
    QTimeZone zone;
    ClinicSettings::UnscreenedPolicy unscreened = ClinicSettings::UnscreenedPolicy::Caution;
};

// The rules with what `settings` (none: a clinic not set up yet) say of screening.
RuleSetup ruleSetup(QList<ContraindicationRule> rules, const std::optional<ClinicSettings> &settings)
{
    RuleSetup setup{std::move(rules), 90, QTimeZone::utc(), ClinicSettings::UnscreenedPolicy::Caution};
    if (settings) {
        setup.maxAgeDays = settings->screeningMaxAgeDays;
        if (const QTimeZone zone(settings->timeZone); zone.isValid())
            setup.zone = zone;
        setup.unscreened = settings->unscreenedPolicy;
    }
    return setup;
}

Result<RuleSetup> loadSetup(const Database &database)
{
    const ScreeningRepository repository(database);
    auto rules = repository.rules();
    if (!rules)
        return rules.error();
    // The clinic's settings row holds the screening's validity, the time zone and the policy for the unscreened.
    auto settings = ClinicRepository(database).settings();
    if (!settings)
        return settings.error();
    return ruleSetup(std::move(rules).value(), settings.value());
}

} // namespace

ScreeningEvaluator::ScreeningEvaluator(const Database &database)
    : m_database(database)
{
}

ScreeningOutcome ScreeningEvaluator::evaluate(const QList<ContraindicationRule> &rules,
                                              const QHash<qint64, ScreeningAnswer> &answers,
                                              const QDate &appointmentDate, bool isTreatment, int maxAgeDays,
                                              const QTimeZone &zone, ClinicSettings::UnscreenedPolicy unscreened)
{
    if (!isTreatment)
        return {};
    std::optional<qint64> newest;
    for (const ScreeningAnswer &answer : answers)
        newest = std::max(newest.value_or(answer.answeredAt), answer.answeredAt);
    return evaluateTreatment(rules, answers, newest, zone, appointmentDate, maxAgeDays, unscreened);
}

ScreeningOutcome ScreeningEvaluator::evaluateTreatment(const QList<ContraindicationRule> &rules,
                                                       const QHash<qint64, ScreeningAnswer> &answers,
                                                       std::optional<qint64> newestAt, const QTimeZone &zone,
                                                       const QDate &appointmentDate, int maxAgeDays,
                                                       ClinicSettings::UnscreenedPolicy unscreened)
{
    ScreeningOutcome outcome;
    QList<ScreeningFinding> &unscreenedFindings =
        unscreened == ClinicSettings::UnscreenedPolicy::Stop ? outcome.stops : outcome.cautions;
    // The day the newest answer was given in the clinic's zone is at most one day from its day in UTC: only a
    // screening that may be out of date needs the zone.
    const auto utcDay = [](qint64 at) {
        return QDate(1970, 1, 1).addDays(at >= 0 ? at / 86400 : (at - 86399) / 86400);
    };
    if (!newestAt) {
        unscreenedFindings.append({0, QStringLiteral("screening.missing"), tr("No screening"),
                                   tr("This patient has not answered the medical screening."), QDate()});
    } else if (utcDay(*newestAt).daysTo(appointmentDate) + 1 > maxAgeDays) {
        const QDate answeredOn = QDateTime::fromSecsSinceEpoch(*newestAt, zone).date();
        const qint64 age = answeredOn.daysTo(appointmentDate);
        if (age > maxAgeDays) {
            unscreenedFindings.append({0, QStringLiteral("screening.out_of_date"), tr("Screening out of date"),
                                       tr("The screening from %1 is %2 days old on %3; it is valid for %4 days.")
                                           .arg(dateText(answeredOn))
                                           .arg(age)
                                           .arg(dateText(appointmentDate))
                                           .arg(maxAgeDays),
                                       QDate()});
        }
    }
    for (const ContraindicationRule &rule : rules) {
        if (!rule.active)
            continue;
        const auto answer = answers.constFind(rule.questionId);
        if (answer == answers.cend() || !answer->yes)
            continue;
        QString message;
        QDate clearsOn;
        if (rule.lookbackDays) {
            if (answer->eventDate.isValid()) {
                const qint64 days = answer->eventDate.daysTo(appointmentDate);
                if (days >= *rule.lookbackDays)
                    continue;
                clearsOn = answer->eventDate.addDays(*rule.lookbackDays);
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
        const ScreeningFinding finding{rule.id, QStringLiteral("rule.%1").arg(rule.id), rule.name, message, clearsOn};
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

ScreeningEvaluator::Level ScreeningEvaluator::level(const ScreeningOutcome &outcome)
{
    if (outcome.refuses())
        return Level::Stop;
    Level level = Level::Clear;
    for (const ScreeningFinding &caution : outcome.cautions) {
        if (!caution.isUnscreened())
            return Level::Caution;
        level =
            std::max(level, caution.code == QLatin1String("screening.missing") ? Level::NotScreened : Level::OutOfDate);
    }
    return level;
}

QString ScreeningEvaluator::clearsText(const ScreeningFinding &finding)
{
    if (finding.clearsOn.isValid())
        return tr("It clears on %1.").arg(dateText(finding.clearsOn));
    if (finding.code == QLatin1String("screening.missing"))
        return tr("It clears once the patient is screened.");
    if (finding.code == QLatin1String("screening.out_of_date"))
        return tr("It clears once the screening is answered again.");
    return tr("It has no end date: it applies until the answer changes.");
}

QString ScreeningEvaluator::summary(const ScreeningOutcome &outcome)
{
    QStringList lines;
    for (const ScreeningFinding &stop : outcome.stops)
        lines.append(tr("Stop: %1 %2").arg(describe({stop}) + QLatin1Char('.'), clearsText(stop)));
    for (const ScreeningFinding &caution : outcome.cautions)
        lines.append(tr("Caution: %1 %2").arg(describe({caution}) + QLatin1Char('.'), clearsText(caution)));
    return lines.join(QLatin1Char('\n'));
}

Result<ScreeningOutcome> ScreeningEvaluator::evaluate(qint64 patientId, const QDate &appointmentDate,
                                                      bool isTreatment) const
{
    if (!isTreatment)
        return ScreeningOutcome();
    auto outcomes = evaluateDays(patientId, appointmentDate, 1);
    if (!outcomes)
        return outcomes.error();
    return outcomes.value().constFirst();
}

Result<QList<ScreeningOutcome>> ScreeningEvaluator::evaluateDays(qint64 patientId, const QDate &from, int days) const
{
    auto screening = forPatient(patientId);
    if (!screening)
        return screening.error();
    QList<ScreeningOutcome> outcomes;
    outcomes.reserve(std::max(days, 0));
    for (int day = 0; day < days; ++day)
        outcomes.append(screening.value().on(from.addDays(day)));
    return outcomes;
}

Result<ScreeningEvaluator::PatientScreening> ScreeningEvaluator::forPatient(qint64 patientId) const
{
    // The clinic's settings row holds the screening's validity, the time zone and the policy for the unscreened.
    auto settings = ClinicRepository(m_database).settings();
    if (!settings)
        return settings.error();
    return patientScreening(patientId, settings.value());
}

Result<ScreeningEvaluator::PatientScreening> ScreeningEvaluator::forPatient(qint64 patientId,
                                                                            const ClinicSettings &settings) const
{
    return patientScreening(patientId, settings);
}

Result<ScreeningEvaluator::PatientScreening>
ScreeningEvaluator::patientScreening(qint64 patientId, const std::optional<ClinicSettings> &settings) const
{
    const ScreeningRepository repository(m_database);
    auto rules = repository.rules();
    if (!rules)
        return rules.error();
    auto answers = repository.latestAnswers(patientId);
    if (!answers)
        return answers.error();
    RuleSetup setup = ruleSetup(std::move(rules).value(), settings);
    PatientScreening screening;
    screening.m_rules = std::move(setup.rules);
    screening.m_answers = std::move(answers).value();
    screening.m_maxAgeDays = setup.maxAgeDays;
    screening.m_zone = setup.zone;
    screening.m_unscreened = setup.unscreened;
    return screening;
}

ScreeningOutcome ScreeningEvaluator::PatientScreening::on(const QDate &date) const
{
    return evaluate(m_rules, m_answers, date, true, m_maxAgeDays, m_zone, m_unscreened);
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
    auto found = outcomes(visits, flagUnscreened);
    if (!found)
        return found.error();
    return levelsOf(found.value());
}

Result<QHash<ScreeningEvaluator::Visit, ScreeningOutcome>> ScreeningEvaluator::outcomes(const QList<Visit> &visits,
                                                                                        bool flagUnscreened) const
{
    if (visits.isEmpty())
        return QHash<Visit, ScreeningOutcome>();
    auto answers = ScreeningRepository(m_database).latestAnswers(patientsOf(visits));
    if (!answers)
        return answers.error();
    return outcomesFrom(visits, answers.value(), flagUnscreened);
}

QList<qint64> ScreeningEvaluator::patientsOf(const QList<Visit> &visits)
{
    QList<qint64> patientIds;
    patientIds.reserve(visits.size());
    for (const Visit &visit : visits)
        patientIds.append(visit.first);
    std::sort(patientIds.begin(), patientIds.end());
    patientIds.erase(std::unique(patientIds.begin(), patientIds.end()), patientIds.end());
    return patientIds;
}

Result<QHash<ScreeningEvaluator::Visit, ScreeningOutcome>>
ScreeningEvaluator::outcomesForBooked(const QList<Visit> &visits, const QHash<qint64, BookedScreening> &screening,
                                      const ClinicSettings &settings) const
{
    QHash<Visit, ScreeningOutcome> outcomes;
    if (visits.isEmpty())
        return outcomes;
    QList<qint64> withYes;
    for (const qint64 patientId : patientsOf(visits)) {
        if (screening.value(patientId).anyYes)
            withYes.append(patientId);
    }
    // The rules look at the yes answers only; whether the screening is out of date depends on the newest answer's
    // time alone, which the rows give.
    const ScreeningRepository repository(m_database);
    const auto yes = repository.latestYesAnswers(withYes);
    if (!yes)
        return yes.error();
    auto rules = repository.rules();
    if (!rules)
        return rules.error();
    const RuleSetup s = ruleSetup(std::move(rules).value(), settings);
    const QHash<qint64, ScreeningAnswer> none;
    for (const Visit &visit : visits) {
        const auto answers = yes.value().constFind(visit.first);
        ScreeningOutcome outcome = evaluateTreatment(s.rules, answers == yes.value().cend() ? none : *answers,
                                                     screening.value(visit.first).screenedAt, s.zone, visit.second,
                                                     s.maxAgeDays, s.unscreened);
        if (!outcome.isClear())
            outcomes.insert(visit, std::move(outcome));
    }
    return outcomes;
}

QHash<ScreeningEvaluator::Visit, ScreeningEvaluator::Level>
ScreeningEvaluator::levelsOf(const QHash<Visit, ScreeningOutcome> &outcomes)
{
    QHash<Visit, Level> levels;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        levels.insert(it.key(), level(it.value()));
    return levels;
}

Result<QHash<ScreeningEvaluator::Visit, ScreeningOutcome>> ScreeningEvaluator::outcomesFrom(
    const QList<Visit> &visits, const QHash<qint64, QHash<qint64, ScreeningAnswer>> &answers, bool flagUnscreened) const
{
    QHash<Visit, ScreeningOutcome> outcomes;
    // Without answers only missing screening could apply, and it is not asked for.
    if (!flagUnscreened && answers.isEmpty())
        return outcomes;
    auto setup = loadSetup(m_database);
    if (!setup)
        return setup.error();
    const RuleSetup &s = setup.value();
    const auto screenedOnly = [](QList<ScreeningFinding> &findings) {
        findings.removeIf([](const ScreeningFinding &finding) { return finding.isUnscreened(); });
    };
    for (const Visit &visit : visits) {
        ScreeningOutcome outcome =
            evaluate(s.rules, answers.value(visit.first), visit.second, true, s.maxAgeDays, s.zone, s.unscreened);
        if (!flagUnscreened) {
            screenedOnly(outcome.stops);
            screenedOnly(outcome.cautions);
        }
        if (!outcome.isClear())
            outcomes.insert(visit, outcome);
    }
    return outcomes;
}

} // namespace dermdesk
