#pragma once

#include "DemoRandom.h"
#include "DemoRecords.h"
#include "DemoSchedule.h"

namespace dermdesk::demo {

// Plans each patient's way through the clinic, one patient at a time, into a DemoDataset:
// consultation; for most a treatment plan (3–6 sessions, 4–6 weeks apart, a lead practitioner),
// sometimes a patch test first; a follow-up; sometimes yearly maintenance; sometimes a new
// course years later. Past visits are mostly completed, some cancelled (with a reason) or
// missed and then rebooked; visits around `now` are arrived or in treatment; a patient has at
// most the next visit booked ahead, or the rest of the course for those who book it at once.
//
// Every visit is placed through DemoSchedule, so the rules hold by construction.
class DemoJourneys
{
public:
    // `now` is UTC Unix seconds; it decides which visits already happened.
    DemoJourneys(const DemoStaff &staff, DemoSchedule &schedule, quint64 seed, qint64 now, DemoDataset &dataset);

    // The last day a first consultation may be asked for (about four weeks after today).
    void setLastConsultationDay(int day) { m_lastConsultDay = day; }

    // Plans patient `patient` (dataset.patients[patient] holds its first day and team).
    void planPatient(int patient);

private:
    struct Booking
    {
        int index = -1; // in dataset.appointments; -1 when no time could be found
        int day = -1;
        int role = 0;
        bool completed = false;
        qint64 endsAt = 0;
    };

    // Returns the last day of a journey that ended in the past, or -1 when it reaches into the
    // future (or could not be booked) and the patient's story stops there.
    int journey(int startDay);
    int course(int plan, const Booking &consult);
    int maintenance(int plan, int anchorDay);

    Booking book(DemoType type, int earliest, int target, int latest, int role, bool leadOnlyFirst, qint64 bookedAt,
                 quint8 note = 0);
    int newPlan(const Booking &consult);
    void addSession(int plan, int sequence, const Booking &visit);
    [[nodiscard]] int preferredMinute();
    [[nodiscard]] AppointmentStatus outcome(qint64 startsAt, qint64 endsAt, DemoType type, bool mayFail);
    [[nodiscard]] qint64 practitionerId(int role) const;

    const DemoStaff &m_staff;
    DemoSchedule &m_schedule;
    const DemoCalendar &m_calendar;
    quint64 m_seed;
    qint64 m_now;
    int m_lastConsultDay = 0;
    int m_today = 0;
    DemoDataset &m_data;

    // The patient being planned.
    DemoRandom m_rng{0};
    int m_patient = 0;
    int m_team = 0;
    int m_timeBand = 0;
    std::vector<int> m_days;
    qint64 m_lastVisitEnd = 0;
};

} // namespace dermdesk::demo
