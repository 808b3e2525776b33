#pragma once

#include "DemoCalendar.h"
#include "DemoRandom.h"
#include "DemoRecords.h"
#include "patients/ContraindicationRule.h"
#include "patients/ScreeningQuestion.h"

#include <QDate>
#include <QList>

#include <array>
#include <optional>
#include <vector>

namespace dermdesk::demo {

// One "yes" of a demo patient's screening: the question and, where it asks one, the date it refers to.
struct DemoScreeningYes
{
    qint64 questionId = 0;
    QDate eventDate;
};

// A demo patient's screening: none (answeredAt == 0), or the whole questionnaire answered at one instant
// (UTC Unix seconds), "no" to every question but the ones in `yes`.
struct DemoScreening
{
    qint64 answeredAt = 0;
    quint8 yesCount = 0;
    std::array<DemoScreeningYes, 2> yes{};

    [[nodiscard]] bool answered() const { return answeredAt != 0; }
};

// Decides which demo patients answered the clinic's screening questionnaire, when, and what they said, so a
// new user meets every screening state on the first day. Patients answer in the waiting room of their
// latest visit, or by phone when that visit is too long before their next treatment session for the
// screening to be in date on its day. Most are clear; a few have a caution (anticoagulants), a stop that
// clears on a date (isotretinoin within its look-back) or one that does not (pregnancy), some are out of
// date and some were never screened (new patients whose first consultation is still ahead among them).
// Among the patients whose next treatment session is on one of the first two days with sessions after "now"
// (today and tomorrow on a working day), a handful are made to show a stop, a caution, no screening or an out-of-date
// one, in that order, so the schedule shows each. The rules and questions are the clinic's own, read from its database;
// nothing is assumed about their ids or names beyond each rule's kind and look-back.
//
// Deterministic: the same seed, dataset, questions and rules give the same screenings.
class DemoScreeningPlanner
{
public:
    DemoScreeningPlanner(QList<ScreeningQuestion> questions, QList<ContraindicationRule> rules, int maxAgeDays,
                         const DemoCalendar &calendar, const DemoStaff &staff, quint64 seed, qint64 now);

    // One screening per patient of `data` (by patient index). The appointments of a patient must be
    // contiguous in data.appointments, as DemoJourneys plans them.
    [[nodiscard]] std::vector<DemoScreening> plan(const DemoDataset &data) const;

    [[nodiscard]] const QList<ScreeningQuestion> &questions() const { return m_questions; }

private:
    struct Visits;
    enum class State : quint8 {
        Clear,
        Caution,
        RecentCaution,
        DatedStop,
        Stop,
        OutOfDate,
        Missing
    };

    void screen(DemoScreening &screening, const Visits &visits, State state, DemoRandom &rng) const;
    [[nodiscard]] int inDateAnswerDay(const Visits &visits, int targetDay, DemoRandom &rng) const;
    void addYes(DemoScreening &screening, const ContraindicationRule &rule, QDate eventDate) const;
    [[nodiscard]] qint64 answeredAtVisit(qint64 visitStartsAt) const;

    QList<ScreeningQuestion> m_questions;
    int m_maxAgeDays;
    const DemoCalendar &m_calendar;
    const DemoStaff &m_staff;
    quint64 m_seed;
    qint64 m_now;
    int m_today;
    // The clinic's active rules on active questions, by kind and look-back.
    QList<ContraindicationRule> m_cautions;
    QList<ContraindicationRule> m_recentCautions;
    QList<ContraindicationRule> m_datedStops;
    QList<ContraindicationRule> m_stops;
    // The dated stop the forced stops use: isotretinoin when the clinic has it, else the longest look-back.
    std::optional<ContraindicationRule> m_longStop;
};

} // namespace dermdesk::demo
