#include "DemoJourneys.h"

#include "DemoVocabulary.h"

#include <algorithm>

namespace dermdesk::demo {

namespace {

constexpr qint64 minute = 60;
constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;

constexpr double planChance = 0.85;
constexpr double undecidedChance = 0.08;
constexpr double patchTestChance = 0.25;
constexpr double bookWholeCourseChance = 0.4;
constexpr double earlyStopChance = 0.03;
constexpr double checkInChance = 0.6;
constexpr double followUpChance = 0.85;
constexpr double maintenanceChance = 0.6;
constexpr double maintenanceAgainChance = 0.7;
constexpr double returnChance = 0.45;

} // namespace

DemoJourneys::DemoJourneys(const DemoStaff &staff, DemoSchedule &schedule, quint64 seed, qint64 now,
                           DemoDataset &dataset)
    : m_staff(staff)
    , m_schedule(schedule)
    , m_calendar(schedule.calendar())
    , m_seed(seed)
    , m_now(now)
    , m_lastConsultDay(schedule.calendar().dayCount() - 1)
    , m_today(schedule.calendar().dayOf(QDateTime::fromSecsSinceEpoch(now, schedule.calendar().zone()).date()))
    , m_data(dataset)
{
}

qint64 DemoJourneys::practitionerId(int role) const
{
    return m_staff.teams.at(m_team).practitionerIds[std::size_t(role)];
}

void DemoJourneys::planPatient(int patient)
{
    m_rng = DemoRandom::stream(m_seed, 0x100000000ULL + quint64(patient));
    m_patient = patient;
    m_team = m_data.patients[std::size_t(patient)].team;
    m_timeBand = m_rng.weighted({50, 15, 35});
    m_days.clear();
    m_lastVisitEnd = 0;

    DemoPatientInfo &info = m_data.patients[std::size_t(patient)];
    const std::size_t firstAppointment = m_data.appointments.size();
    int startDay = info.firstDay;
    int lastDay = -1;
    while (startDay <= m_lastConsultDay) {
        lastDay = journey(startDay);
        if (lastDay < 0 || !m_rng.chance(returnChance))
            break;
        startDay = lastDay + m_rng.between(365, 1000);
    }
    info.createdAt = firstAppointment < m_data.appointments.size()
                         ? m_data.appointments[firstAppointment].createdAt
                         : std::min(m_calendar.toUtc(info.firstDay, 10 * 60), m_now) - m_rng.between(2, 21) * day;
    info.updatedAt = std::max(info.createdAt, std::min(m_lastVisitEnd, m_now));
    info.archived = lastDay >= 0 && lastDay < m_today - 3 * 365 && m_rng.chance(0.15);
}

int DemoJourneys::preferredMinute()
{
    switch (m_timeBand) {
    case 0:
        return m_rng.between(8 * 4, 11 * 4) * 15; // mornings are busiest
    case 1:
        return m_rng.between(11 * 4 + 2, 13 * 4 + 2) * 15;
    default:
        return m_rng.between(14 * 4, 17 * 4 + 2) * 15;
    }
}

AppointmentStatus DemoJourneys::outcome(qint64 startsAt, qint64 endsAt, DemoType type, bool mayFail)
{
    if (endsAt <= m_now) {
        if (!mayFail)
            return AppointmentStatus::Completed;
        switch (m_rng.weighted({87, 9, 4})) {
        case 0:
            return AppointmentStatus::Completed;
        case 1:
            return AppointmentStatus::Cancelled;
        default:
            return AppointmentStatus::NoShow;
        }
    }
    if (startsAt <= m_now) {
        return m_now < startsAt + m_staff.type(type).prepMin * minute ? AppointmentStatus::Arrived
                                                                      : AppointmentStatus::InTreatment;
    }
    if (startsAt - 10 * minute <= m_now)
        return AppointmentStatus::Arrived;
    if (mayFail && startsAt - m_now > day && m_rng.chance(0.03))
        return AppointmentStatus::Cancelled;
    const bool soon = startsAt - m_now < 2 * day;
    return m_rng.chance(soon ? 0.75 : 0.25) ? AppointmentStatus::Confirmed : AppointmentStatus::Booked;
}

DemoJourneys::Booking DemoJourneys::book(DemoType type, int earliest, int target, int latest, int role,
                                         bool leadOnlyFirst, qint64 bookedAt, quint8 note)
{
    const DemoTypeInfo &info = m_staff.type(type);
    // Days of this visit's cancelled or missed attempts, kept out of m_days once it is booked.
    int refused = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (earliest > latest || earliest >= m_calendar.dayCount()) {
            m_days.resize(m_days.size() - std::size_t(refused));
            return {};
        }
        DemoSchedule::Request request;
        request.team = m_team;
        request.type = type;
        request.earliestDay = earliest;
        request.targetDay = std::clamp(target, earliest, latest);
        request.latestDay = latest;
        request.preferredMinute = preferredMinute();
        request.preferredRole = role;
        request.onlyPreferredRole = leadOnlyFirst && role >= 0;
        request.patientDays = &m_days;
        auto slot = m_schedule.find(request);
        if (!slot && request.onlyPreferredRole) {
            request.onlyPreferredRole = false;
            slot = m_schedule.find(request);
        }
        if (!slot) {
            m_days.resize(m_days.size() - std::size_t(refused));
            return {};
        }

        DemoAppointment row;
        row.startsAt = m_calendar.toUtc(slot->day, slot->startMinute);
        row.endsAt = row.startsAt + info.visitMin * minute;
        row.createdAt = std::min(bookedAt, row.startsAt - 30 * minute);
        if (row.startsAt > m_now)
            row.createdAt = std::min(row.createdAt, m_now - 10 * minute);
        row.practitionerId = practitionerId(slot->role);
        row.roomId = m_staff.teams.at(m_team).roomIds[std::size_t(slot->room)];
        row.patient = m_patient;
        row.type = type;
        row.note = note;
        row.status = outcome(row.startsAt, row.endsAt, type, attempt < 2);

        switch (row.status) {
        case AppointmentStatus::Cancelled: {
            // A visit still ahead was cancelled days before; only past ones can have been called off late.
            row.cancelReason =
                quint8((row.startsAt > m_now ? m_rng.weighted({80, 0, 20, 0}) : m_rng.weighted({45, 25, 10, 20}))
                       + vocabulary::PatientRequest);
            qint64 notice = 0;
            switch (row.cancelReason) {
            case vocabulary::PatientRequest:
                notice = m_rng.between(24, 7 * 24) * hour;
                break;
            case vocabulary::Illness:
                notice = m_rng.between(2, 30) * hour;
                break;
            case vocabulary::ClinicRescheduled:
                notice = m_rng.between(24, 5 * 24) * hour;
                break;
            default:
                notice = m_rng.between(2, 20) * hour;
                break;
            }
            row.updatedAt = std::clamp(std::min(row.startsAt - notice, m_now - m_rng.between(1, 48) * hour),
                                       row.createdAt + minute, row.startsAt - minute);
            break;
        }
        case AppointmentStatus::NoShow:
            row.updatedAt = row.startsAt + 15 * minute;
            break;
        case AppointmentStatus::Completed:
            row.updatedAt = row.endsAt + m_rng.between(1, 10) * minute;
            break;
        case AppointmentStatus::Arrived:
            row.updatedAt = std::max(row.createdAt, std::min(row.startsAt - 5 * minute, m_now));
            break;
        case AppointmentStatus::InTreatment:
            row.updatedAt = std::min(row.startsAt + info.prepMin * minute, m_now);
            break;
        case AppointmentStatus::Confirmed:
            row.updatedAt = std::max(row.createdAt, std::min(row.startsAt - 2 * day, m_now - hour));
            break;
        case AppointmentStatus::Booked:
            row.updatedAt = row.createdAt;
            break;
        }
        m_data.appointments.push_back(row);

        if (!appointment_status::holdsSlot(row.status)) {
            // The patient rebooks, on another day of the same window after the cancellation call,
            // or after the day following a missed visit; later if the window allows.
            const bool cancelled = row.status == AppointmentStatus::Cancelled;
            bookedAt = cancelled ? row.updatedAt : std::min(row.startsAt + day, m_now);
            earliest = std::max(earliest, m_calendar.dayOfInstant(bookedAt) + 1);
            target = std::max(target, slot->day + m_rng.between(1, 7));
            m_days.push_back(slot->day);
            ++refused;
            continue;
        }
        m_days.resize(m_days.size() - std::size_t(refused));
        m_schedule.book(m_team, type, *slot);
        m_days.push_back(slot->day);
        m_lastVisitEnd = std::max(m_lastVisitEnd, row.endsAt);
        return {int(m_data.appointments.size() - 1), slot->day, slot->role, row.status == AppointmentStatus::Completed,
                row.endsAt};
    }
    m_days.resize(m_days.size() - std::size_t(refused));
    return {};
}

int DemoJourneys::journey(int startDay)
{
    const qint64 bookedAt =
        std::min(m_calendar.toUtc(startDay, 10 * 60) - m_rng.between(2, 21) * day, m_now - m_rng.between(1, 72) * hour);
    const quint8 note = quint8(m_rng.chance(0.2) ? m_rng.between(vocabulary::ReferredByFriend, vocabulary::EventComing)
                                                 : vocabulary::NoNote);
    const Booking consult = book(DemoType::Consultation, startDay, startDay, startDay + 21,
                                 m_rng.weighted({25, 20, 30, 25}), false, bookedAt, note);
    if (consult.index < 0 || !consult.completed)
        return -1;
    if (!m_rng.chance(planChance))
        return consult.day;
    const int plan = newPlan(consult);
    if (m_rng.chance(undecidedChance))
        return consult.day;
    return course(plan, consult);
}

int DemoJourneys::newPlan(const Booking &consult)
{
    using namespace vocabulary;
    DemoPlan plan;
    plan.patient = m_patient;
    plan.createdAt = plan.updatedAt = consult.endsAt;
    const bool body = m_rng.chance(0.15);
    if (body) {
        plan.type = DemoType::Body;
        plan.concerns = 1U << StretchMarks;
        plan.areas = 1U << (Abdomen + m_rng.between(0, 3));
        if (m_rng.chance(0.4))
            plan.areas |= 1U << (Abdomen + m_rng.between(0, 3));
    } else {
        const int first = m_rng.between(Texture, Tone);
        plan.concerns = 1U << first;
        if (m_rng.chance(0.35))
            plan.concerns |= 1U << m_rng.between(Texture, Tone);
        plan.type =
            m_rng.chance((plan.concerns & (1U << FineLines)) != 0 ? 0.5 : 0.2) ? DemoType::FaceNeck : DemoType::Face;
        plan.areas = areasFor(plan.concerns, plan.type == DemoType::FaceNeck);
    }
    plan.plannedSessions = 3 + m_rng.weighted({20, 40, 20, 20});
    switch (m_rng.weighted({60, 25, 15})) {
    case 0:
        plan.intervalMaxWeeks = 6;
        break;
    case 1:
        plan.intervalMaxWeeks = 5;
        break;
    default:
        plan.intervalMinWeeks = 5;
        plan.intervalMaxWeeks = 6;
        break;
    }
    const int lead = DemoClinicLayout::rolePerforms(consult.role, plan.type) ? consult.role : m_rng.between(0, 1);
    plan.leadPractitionerId = practitionerId(lead);
    m_data.plans.push_back(plan);
    return int(m_data.plans.size() - 1);
}

void DemoJourneys::addSession(int plan, int sequence, const Booking &visit)
{
    DemoAppointment &appointment = m_data.appointments[std::size_t(visit.index)];
    DemoSession session;
    session.plan = plan;
    session.sequence = sequence;
    session.appointment = visit.index;
    session.practitionerId = appointment.practitionerId;
    session.createdAt = appointment.createdAt;
    if (visit.completed)
        session.performedAt = appointment.startsAt + m_staff.type(appointment.type).prepMin * minute;
    appointment.session = qint32(m_data.sessions.size());
    m_data.sessions.push_back(session);
}

int DemoJourneys::course(int planIndex, const Booking &consult)
{
    int base = consult.day;
    qint64 bookedAt = consult.endsAt;
    const auto leadRole = [this, planIndex] {
        const auto &ids = m_staff.teams.at(m_team).practitionerIds;
        return int(std::find(ids.begin(), ids.end(), m_data.plans[std::size_t(planIndex)].leadPractitionerId)
                   - ids.begin());
    }();
    if (m_rng.chance(patchTestChance)) {
        const Booking patch = book(DemoType::PatchTest, base + 2, base + 4, base + 14, leadRole, false, bookedAt);
        if (patch.index >= 0) {
            if (!patch.completed)
                return -1;
            base = patch.day;
            bookedAt = patch.endsAt;
        }
    }
    const bool wholeCourse = m_rng.chance(bookWholeCourseChance);
    const DemoPlan spec = m_data.plans[std::size_t(planIndex)];
    int previous = -1;
    bool pending = false;
    for (int sequence = 1; sequence <= spec.plannedSessions; ++sequence) {
        int earliest = base + 7;
        int target = base + m_rng.between(10, 24);
        int latest = base + 42;
        if (previous >= 0) {
            earliest = previous + 7 * spec.intervalMinWeeks;
            latest = previous + 7 * spec.intervalMaxWeeks;
            // Clinics book towards the start of the interval, leaving room to move a cancelled visit.
            target = earliest + m_rng.between(0, (latest - earliest) / 2);
        }
        if (latest >= m_calendar.dayCount())
            return -1; // the rest of the course lies beyond the demo's calendar
        const quint8 note =
            quint8(m_rng.chance(0.08) ? m_rng.between(vocabulary::SkincareList, vocabulary::GentleAroundEyes)
                                      : vocabulary::NoNote);
        const Booking visit = book(spec.type, earliest, target, latest, leadRole, true, bookedAt, note);
        DemoPlan &plan = m_data.plans[std::size_t(planIndex)];
        if (visit.index < 0) {
            plan.status = DemoPlanStatus::Stopped;
            plan.stopReason = vocabulary::NoTimeInInterval;
            plan.updatedAt = std::min(std::max(plan.updatedAt, bookedAt), m_now);
            return previous >= 0 ? previous : base;
        }
        addSession(planIndex, sequence, visit);
        if (sequence == 1) {
            plan.status = DemoPlanStatus::Active;
            plan.consentDate = m_calendar.date(consult.day);
            plan.updatedAt = m_data.appointments[std::size_t(visit.index)].createdAt;
        }
        previous = visit.day;
        if (!visit.completed) {
            pending = true;
            if (!wholeCourse || m_data.appointments[std::size_t(visit.index)].startsAt <= m_now)
                return -1;
            continue; // the rest is booked in the same call
        }
        bookedAt = visit.endsAt;
        if (sequence == 1 && spec.plannedSessions > 1 && m_rng.chance(checkInChance)) {
            // A short look at how the skin healed, between the first and second sessions.
            const Booking checkIn = book(DemoType::FollowUp, previous + 10, previous + m_rng.between(12, 16),
                                         previous + 20, leadRole, false, bookedAt);
            if (checkIn.index >= 0 && !checkIn.completed)
                return -1;
        }
        if (sequence < spec.plannedSessions && m_rng.chance(earlyStopChance)) {
            plan.status = DemoPlanStatus::Stopped;
            plan.stopReason = quint8(m_rng.between(vocabulary::MovedAway, vocabulary::SatisfiedEarly));
            plan.updatedAt = visit.endsAt;
            return previous;
        }
    }
    if (pending)
        return -1;
    DemoPlan &plan = m_data.plans[std::size_t(planIndex)];
    plan.status = DemoPlanStatus::Completed;
    plan.updatedAt = bookedAt;

    int last = previous;
    if (m_rng.chance(followUpChance)) {
        const Booking followUp = book(DemoType::FollowUp, previous + 21, previous + m_rng.between(28, 42),
                                      previous + 56, leadRole, false, bookedAt);
        if (followUp.index >= 0 && !followUp.completed)
            return -1;
        if (followUp.index >= 0)
            last = followUp.day;
    }
    if (m_rng.chance(maintenanceChance)) {
        const int end = maintenance(planIndex, previous);
        return end < 0 ? -1 : std::max(last, end);
    }
    return last;
}

int DemoJourneys::maintenance(int planIndex, int anchorDay)
{
    const DemoPlan course = m_data.plans[std::size_t(planIndex)];
    const auto &ids = m_staff.teams.at(m_team).practitionerIds;
    const int leadRole = int(std::find(ids.begin(), ids.end(), course.leadPractitionerId) - ids.begin());
    do {
        const int target = anchorDay + m_rng.between(330, 400);
        if (target + 21 >= m_calendar.dayCount())
            return -1;
        const qint64 bookedAt = std::min(m_calendar.toUtc(target, 10 * 60) - m_rng.between(14, 42) * day,
                                         m_now - m_rng.between(1, 72) * hour);
        const Booking visit = book(course.type, target - 14, target, target + 21, leadRole, true, bookedAt);
        if (visit.index < 0)
            return anchorDay;
        DemoPlan plan = course;
        plan.plannedSessions = 1;
        plan.maintenance = true;
        plan.status = visit.completed ? DemoPlanStatus::Completed : DemoPlanStatus::Active;
        plan.consentDate = visit.completed ? m_calendar.date(visit.day) : QDate();
        plan.createdAt = m_data.appointments[std::size_t(visit.index)].createdAt;
        plan.updatedAt = visit.completed ? visit.endsAt : plan.createdAt;
        m_data.plans.push_back(plan);
        addSession(int(m_data.plans.size() - 1), 1, visit);
        if (!visit.completed)
            return -1;
        anchorDay = visit.day;
    } while (m_rng.chance(maintenanceAgainChance));
    return anchorDay;
}

} // namespace dermdesk::demo
