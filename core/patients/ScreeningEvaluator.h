#pragma once

#include "ContraindicationRule.h"
#include "ScreeningAnswer.h"
#include "ScreeningOutcome.h"
#include "clinic/ClinicSettings.h"
#include "common/Result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace dermdesk {

class Database;

// Applies the clinic's contraindication rules to a patient's latest screening answers, on the date of
// an appointment (not today): a look-back counts the days from the answer's event date to that date, and
// the screening's age is counted from the day it was answered (in the clinic's time zone) to that date.
//
// Only treatment sessions are checked; other appointments (a consultation, a patch test) are always clear.
// No screening at all ("screening.missing") and the newest answer older than the clinic's maximum age on the
// appointment date ("screening.out_of_date") are cautions, or stops when the clinic's
// ClinicSettings::unscreenedPolicy says Stop. Dates in messages are in the desk's locale (QLocale()).
class ScreeningEvaluator
{
public:
    // Reads the rules, the maximum age and the clinic's zone from `database` when asked.
    explicit ScreeningEvaluator(const Database &database);

    // The stops and cautions for booking `patientId` on `appointmentDate` (clinic calendar).
    [[nodiscard]] Result<ScreeningOutcome> evaluate(qint64 patientId, const QDate &appointmentDate,
                                                    bool isTreatment) const;

    // The same for `days` consecutive dates from `from` (a slot search), reading the rules and answers once;
    // one outcome per date, in order.
    [[nodiscard]] Result<QList<ScreeningOutcome>> evaluateDays(qint64 patientId, const QDate &from, int days) const;

    // The rules, the clinic's screening settings and one patient's latest answers, read once to judge any number of
    // dates (a course of sessions, whose dates are found one after another).
    class PatientScreening
    {
    public:
        // The outcome for a treatment session on `date`: what evaluate(patientId, date, true) gives.
        [[nodiscard]] ScreeningOutcome on(const QDate &date) const;

    private:
        friend class ScreeningEvaluator;
        QList<ContraindicationRule> m_rules;
        QHash<qint64, ScreeningAnswer> m_answers;
        int m_maxAgeDays = 90;
        QTimeZone m_zone;
        ClinicSettings::UnscreenedPolicy m_unscreened = ClinicSettings::UnscreenedPolicy::Caution;
    };
    [[nodiscard]] Result<PatientScreening> forPatient(qint64 patientId) const;
    // The same with the clinic's settings as the caller holds them (a booking's ScheduleSetup): the rules and the
    // patient's answers are read, the settings are not.
    [[nodiscard]] Result<PatientScreening> forPatient(qint64 patientId, const ClinicSettings &settings) const;

    using Level = ScreeningLevel;
    [[nodiscard]] static Level level(const ScreeningOutcome &outcome);
    // The findings as lines for a tooltip, stops first, each with its name, its explanation and when it clears
    // (clearsText).
    [[nodiscard]] static QString summary(const ScreeningOutcome &outcome);
    // When a finding stops applying, as a sentence: "It clears on 28 May 2027.", "It has no end date: it applies
    // until the answer changes.", "It clears once the patient is screened."
    [[nodiscard]] static QString clearsText(const ScreeningFinding &finding);

    // For the schedule's alert marker: the patients among `patientIds` with a caution or a stop for a
    // treatment session on `date` (absent = clear). Three queries whatever the number of patients.
    // With flagUnscreened false, missing and out-of-date screening do not count.
    [[nodiscard]] Result<QHash<qint64, Level>> alerts(const QList<qint64> &patientIds, const QDate &date,
                                                      bool flagUnscreened = true) const;
    // The same for visits on different days (a week on the schedule): each (patient, local date) judged on
    // its own date. One query when flagUnscreened is false and none of the patients has answers; three at most.
    using Visit = std::pair<qint64, QDate>;
    [[nodiscard]] Result<QHash<Visit, Level>> alerts(const QList<Visit> &visits, bool flagUnscreened = true) const;
    // What a booked appointment's row says of its patient's screening (the schema keeps it there, for the
    // schedule): when the newest answer was given (none: never screened), and whether the latest answer to some
    // question is yes.
    struct BookedScreening
    {
        std::optional<qint64> screenedAt;
        bool anyYes = false;
    };
    // The outcomes, every finding included (for the schedule's tooltip), of the visits of a day's or a week's booked
    // treatment sessions, given what their rows say of each patient (`screening`, by patient id; a patient absent
    // counts as never screened): the visits whose outcome is not clear. Only the yes answers of the patients with a
    // yes are read (ScreeningRepository::latestYesAnswers), and the rules; the time of the newest answer comes from
    // the rows, and the screening's validity, the zone and the policy for the unscreened from `settings` (the
    // schedule's set-up holds them).
    [[nodiscard]] Result<QHash<Visit, ScreeningOutcome>>
    outcomesForBooked(const QList<Visit> &visits, const QHash<qint64, BookedScreening> &screening,
                      const ClinicSettings &settings) const;
    // What evaluate(patient, date, true) gives for each visit, with the patients' answers and the rules read once
    // for all of them (a practitioner's day): the visits whose outcome is not clear. With flagUnscreened false,
    // missing and out-of-date screening do not count.
    [[nodiscard]] Result<QHash<Visit, ScreeningOutcome>> outcomes(const QList<Visit> &visits,
                                                                  bool flagUnscreened = true) const;

    // The rule engine itself, without a database. `answers` are the patient's latest, by question id;
    // `maxAgeDays` is how long a screening stays valid; answeredAt instants are read in `zone`; `unscreened` says
    // whether missing and out-of-date screening are cautions or stops.
    [[nodiscard]] static ScreeningOutcome
    evaluate(const QList<ContraindicationRule> &rules, const QHash<qint64, ScreeningAnswer> &answers,
             const QDate &appointmentDate, bool isTreatment, int maxAgeDays, const QTimeZone &zone,
             ClinicSettings::UnscreenedPolicy unscreened = ClinicSettings::UnscreenedPolicy::Caution);

    // The findings as one translated line, each with its rule's name: "Anticoagulants or bleeding disorder;
    // Screening out of date: The screening from 2026-01-05 is 120 days old on …".
    [[nodiscard]] static QString describe(const QList<ScreeningFinding> &findings);

private:
    // The rules and the patient's latest answers read, with what `settings` (none: a clinic not set up) say.
    [[nodiscard]] Result<PatientScreening> patientScreening(qint64 patientId,
                                                            const std::optional<ClinicSettings> &settings) const;
    // evaluate() for a treatment session, given when the patient's newest answer was given (none: never screened);
    // `answers` need hold only the yes answers.
    [[nodiscard]] static ScreeningOutcome evaluateTreatment(const QList<ContraindicationRule> &rules,
                                                            const QHash<qint64, ScreeningAnswer> &answers,
                                                            std::optional<qint64> newestAt, const QTimeZone &zone,
                                                            const QDate &appointmentDate, int maxAgeDays,
                                                            ClinicSettings::UnscreenedPolicy unscreened);
    // The outcomes that are not clear; with flagUnscreened false, missing and out-of-date screening are left out.
    [[nodiscard]] Result<QHash<Visit, ScreeningOutcome>>
    outcomesFrom(const QList<Visit> &visits, const QHash<qint64, QHash<qint64, ScreeningAnswer>> &answers,
                 bool flagUnscreened) const;
    [[nodiscard]] static QHash<Visit, Level> levelsOf(const QHash<Visit, ScreeningOutcome> &outcomes);
    // The visits' patients, each once, in id order.
    [[nodiscard]] static QList<qint64> patientsOf(const QList<Visit> &visits);

    const Database &m_database;
};

} // namespace dermdesk
