#include "DemoScreening.h"

#include <algorithm>
#include <limits>

namespace dermdesk::demo {

namespace {

constexpr qint64 minute = 60;
// Patients whose latest visit was this long before today have no screening on file: the clinic has
// recorded screening in DermDesk for two years.
constexpr int daysOfScreeningRecords = 730;
// Among the patients whose next treatment session is on one of the first two days with sessions ahead, at
// least this many (and one in ten) are made to show a stop, a caution, no screening or an out-of-date one.
constexpr int forcedAtLeast = 4;
constexpr int forcedOneIn = 10;

bool attended(AppointmentStatus status)
{
    return status == AppointmentStatus::Completed || status == AppointmentStatus::Arrived
           || status == AppointmentStatus::InTreatment;
}

bool stillOn(AppointmentStatus status)
{
    return appointment_status::holdsSlot(status);
}

const ContraindicationRule &pickRule(const QList<ContraindicationRule> &rules, DemoRandom &rng)
{
    return rules.at(rng.between(0, int(rules.size()) - 1));
}

} // namespace

// What the screening depends on in one patient's visits (UTC Unix seconds; 0 for none).
struct DemoScreeningPlanner::Visits
{
    qint64 firstAttended = 0;
    qint64 lastAttended = 0;
    // The start of the earliest treatment session not yet over, not cancelled or missed.
    qint64 nextTreatment = 0;
};

DemoScreeningPlanner::DemoScreeningPlanner(QList<ScreeningQuestion> questions, QList<ContraindicationRule> rules,
                                           int maxAgeDays, const DemoCalendar &calendar, const DemoStaff &staff,
                                           quint64 seed, qint64 now)
    : m_questions(std::move(questions))
    , m_maxAgeDays(maxAgeDays)
    , m_calendar(calendar)
    , m_staff(staff)
    , m_seed(seed)
    , m_now(now)
    , m_today(calendar.dayOfInstant(now))
{
    QList<qint64> asked;
    for (const ScreeningQuestion &question : std::as_const(m_questions)) {
        if (question.active)
            asked.append(question.id);
    }
    for (const ContraindicationRule &rule : std::as_const(rules)) {
        if (!rule.active || !asked.contains(rule.questionId))
            continue;
        const bool stop = rule.kind == ContraindicationRule::Kind::Stop;
        QList<ContraindicationRule> &kind =
            stop ? (rule.lookbackDays ? m_datedStops : m_stops) : (rule.lookbackDays ? m_recentCautions : m_cautions);
        kind.append(rule);
    }
    for (const ContraindicationRule &rule : std::as_const(m_datedStops)) {
        const auto question = std::find_if(m_questions.cbegin(), m_questions.cend(),
                                           [&rule](const ScreeningQuestion &q) { return q.id == rule.questionId; });
        const bool isotretinoin = question != m_questions.cend() && question->code == QLatin1String("isotretinoin");
        if (isotretinoin || !m_longStop || *rule.lookbackDays > *m_longStop->lookbackDays) {
            m_longStop = rule;
            if (isotretinoin)
                break;
        }
    }
}

std::vector<DemoScreening> DemoScreeningPlanner::plan(const DemoDataset &data) const
{
    const std::size_t patients = data.patients.size();
    std::vector<Visits> visits(patients);
    for (const DemoAppointment &appointment : data.appointments) {
        Visits &v = visits[std::size_t(appointment.patient)];
        if (appointment.startsAt <= m_now && attended(appointment.status)) {
            if (v.firstAttended == 0)
                v.firstAttended = appointment.startsAt;
            v.lastAttended = std::max(v.lastAttended, appointment.startsAt);
        }
        if (appointment.endsAt > m_now && stillOn(appointment.status) && m_staff.type(appointment.type).isTreatment
            && (v.nextTreatment == 0 || appointment.startsAt < v.nextTreatment)) {
            v.nextTreatment = appointment.startsAt;
        }
    }

    // The first two days with treatment sessions still ahead (today and tomorrow on a working day; Monday
    // and Tuesday seen on a Sunday), so the first schedule a new user opens shows them.
    int firstDay = std::numeric_limits<int>::max();
    int secondDay = std::numeric_limits<int>::max();
    for (const Visits &v : visits) {
        if (v.nextTreatment == 0 || v.lastAttended == 0)
            continue;
        const int day = m_calendar.dayOfInstant(v.nextTreatment);
        if (day < firstDay) {
            secondDay = firstDay;
            firstDay = day;
        } else if (day > firstDay && day < secondDay) {
            secondDay = day;
        }
    }
    // The patients due for a session on those days, in an order drawn from the seed; the first of them are
    // forced into the states the schedule marks.
    std::vector<std::pair<quint64, qint32>> due;
    for (std::size_t p = 0; p < patients; ++p) {
        const Visits &v = visits[p];
        if (v.nextTreatment == 0 || v.lastAttended == 0)
            continue;
        const int day = m_calendar.dayOfInstant(v.nextTreatment);
        if (day == firstDay || day == secondDay)
            due.emplace_back(DemoRandom::stream(m_seed, 0x700000000ULL + p).next(), qint32(p));
    }
    std::sort(due.begin(), due.end());
    const std::size_t forcedCount =
        std::min(due.size(), std::max<std::size_t>(forcedAtLeast, due.size() / forcedOneIn));
    static constexpr std::array<State, 4> forcedStates{State::DatedStop, State::Caution, State::Missing,
                                                       State::OutOfDate};
    std::vector<std::optional<State>> forced(patients);
    for (std::size_t k = 0; k < forcedCount; ++k)
        forced[std::size_t(due[k].second)] = forcedStates[k % forcedStates.size()];

    std::vector<DemoScreening> screenings(patients);
    for (std::size_t p = 0; p < patients; ++p) {
        const Visits &v = visits[p];
        if (v.lastAttended == 0 || m_calendar.dayOfInstant(v.lastAttended) < m_today - daysOfScreeningRecords)
            continue;
        DemoRandom rng = DemoRandom::stream(m_seed, 0x600000000ULL + p);
        State state = State::Clear;
        if (forced[p]) {
            state = *forced[p];
        } else if (v.nextTreatment != 0) {
            static constexpr std::array<State, 4> upcoming{State::Clear, State::Caution, State::OutOfDate,
                                                           State::Missing};
            state = upcoming[std::size_t(rng.weighted({91, 4, 3, 2}))];
        } else {
            static constexpr std::array<State, 6> past{State::Clear,     State::Caution, State::RecentCaution,
                                                       State::DatedStop, State::Stop,    State::Missing};
            state = past[std::size_t(rng.weighted({82, 6, 1, 3, 2, 6}))];
        }
        screen(screenings[p], v, state, rng);
    }
    return screenings;
}

qint64 DemoScreeningPlanner::answeredAtVisit(qint64 visitStartsAt) const
{
    // In the waiting room, before the visit.
    return visitStartsAt - 10 * minute;
}

int DemoScreeningPlanner::inDateAnswerDay(const Visits &visits, int targetDay, DemoRandom &rng) const
{
    const int lastDay = m_calendar.dayOfInstant(visits.lastAttended);
    const int earliest = targetDay - m_maxAgeDays + 1;
    if (lastDay >= earliest)
        return -1;
    // A call in the weeks before the session, never later than yesterday.
    const int from = std::max(earliest, lastDay + 1);
    const int to = m_today - 1;
    if (from > to)
        return -1;
    return rng.between(std::max(from, to - 21), to);
}

void DemoScreeningPlanner::addYes(DemoScreening &screening, const ContraindicationRule &rule, QDate eventDate) const
{
    if (screening.yesCount >= screening.yes.size())
        return;
    for (std::size_t i = 0; i < screening.yesCount; ++i) {
        if (screening.yes[i].questionId == rule.questionId)
            return;
    }
    const auto question = std::find_if(m_questions.cbegin(), m_questions.cend(),
                                       [&rule](const ScreeningQuestion &q) { return q.id == rule.questionId; });
    const bool asksDate = question != m_questions.cend() && question->asksDate;
    screening.yes[screening.yesCount++] = {rule.questionId, asksDate ? eventDate : QDate()};
}

void DemoScreeningPlanner::screen(DemoScreening &screening, const Visits &visits, State state, DemoRandom &rng) const
{
    if (state == State::Missing)
        return;
    const int targetDay = visits.nextTreatment != 0 ? m_calendar.dayOfInstant(visits.nextTreatment) : -1;
    if (state == State::OutOfDate) {
        // Answered at the first visit and not since.
        if (targetDay >= 0 && targetDay - m_calendar.dayOfInstant(visits.firstAttended) <= m_maxAgeDays)
            return; // it cannot be out of date on that day: not screened instead
        screening.answeredAt = answeredAtVisit(visits.firstAttended);
    } else {
        const int phoneDay = targetDay >= 0 ? inDateAnswerDay(visits, targetDay, rng) : -1;
        screening.answeredAt = phoneDay < 0 ? answeredAtVisit(visits.lastAttended)
                                            : m_calendar.toUtc(phoneDay, rng.between(9 * 4, 16 * 4) * 15);
    }
    const QDate answeredOn = m_calendar.date(m_calendar.dayOfInstant(screening.answeredAt));

    switch (state) {
    case State::Caution:
        if (!m_cautions.isEmpty())
            addYes(screening, pickRule(m_cautions, rng), {});
        break;
    case State::RecentCaution:
        if (!m_recentCautions.isEmpty()) {
            const ContraindicationRule &rule = pickRule(m_recentCautions, rng);
            addYes(screening, rule, answeredOn.addDays(-rng.between(0, *rule.lookbackDays - 1)));
        }
        break;
    case State::DatedStop:
        if (m_longStop) {
            // Forced stops (a session is due) and drawn ones alike: the last dose weeks before the answer, so the
            // stop clears months later, on a date the desk can be told.
            const ContraindicationRule &rule = targetDay >= 0 ? *m_longStop : pickRule(m_datedStops, rng);
            addYes(screening, rule, answeredOn.addDays(-rng.between(0, std::max(0, *rule.lookbackDays / 3))));
        }
        break;
    case State::Stop:
        if (!m_stops.isEmpty())
            addYes(screening, pickRule(m_stops, rng), {});
        break;
    case State::Clear:
    case State::OutOfDate:
    case State::Missing:
        break;
    }
    // Some say yes to something that no longer matters: a dose or a procedure long before its look-back.
    if (!m_datedStops.isEmpty() && rng.chance(0.08)) {
        const ContraindicationRule &rule = pickRule(m_datedStops, rng);
        addYes(screening, rule, answeredOn.addDays(-*rule.lookbackDays - rng.between(30, 900)));
    }
}

} // namespace dermdesk::demo
