#include "DemoClosures.h"

#include "DemoVocabulary.h"

#include "DemoRandom.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermdesk::demo {

namespace {

using vocabulary::tr;

constexpr qint64 dayLength = 86400;

// The first day at or after `from` (within a fortnight) that passes `usable`, or -1.
template<typename Predicate>
int firstUsableDay(int from, int dayCount, Predicate usable)
{
    for (int day = from; day < std::min(from + 14, dayCount); ++day) {
        if (usable(day))
            return day;
    }
    return -1;
}

} // namespace

void planClosures(DemoSchedule &schedule, const DemoStaff &staff, quint64 seed, qint64 setupAt, qint64 now,
                  std::vector<DemoBlockout> &out)
{
    const DemoCalendar &calendar = schedule.calendar();
    const int days = calendar.dayCount();
    auto createdFor = [setupAt, now](qint64 startsAt) {
        return std::clamp(startsAt - 60 * dayLength, setupAt, std::max(setupAt, now));
    };
    auto add = [&out, &createdFor](qint64 practitionerId, qint64 roomId, qint64 startsAt, qint64 endsAt,
                                   const QString &reason, QDate repeatUntil = {}) {
        out.push_back({practitionerId, roomId, startsAt, endsAt, repeatUntil, reason, createdFor(startsAt)});
    };

    for (int day = 0; day < days; ++day) {
        const QString holiday = DemoCalendar::holidayName(calendar.date(day));
        if (holiday.isEmpty() || schedule.isClosed(day))
            continue;
        schedule.closeDay(day);
        add(0, 0, calendar.startOfDay(calendar.date(day)), calendar.startOfDay(calendar.date(day + 1)),
            tr("Clinic closed: %1").arg(holiday));
    }

    constexpr int wednesday = 3;
    const int firstWednesday = (wednesday - calendar.weekday(0) + 7) % 7;
    if (firstWednesday < days) {
        schedule.blockWeekly(wednesday, 8 * 60, 8 * 60 + 45);
        add(0, 0, calendar.toUtc(firstWednesday, 8 * 60), calendar.toUtc(firstWednesday, 8 * 60 + 45),
            tr("Weekly team meeting"), calendar.last());
    }

    for (int team = 0; team < staff.teams.size(); ++team) {
        const DemoTeam &ids = staff.teams.at(team);
        for (int role = 0; role < demoRolesPerTeam; ++role) {
            DemoRandom rng = DemoRandom::stream(seed, 0x300000000ULL + quint64(team * demoRolesPerTeam + role));
            const qint64 practitionerId = ids.practitionerIds[std::size_t(role)];
            // A week of leave a year, Monday to Saturday.
            for (int day = rng.between(0, 364); day < days; day += rng.between(330, 400)) {
                const int monday = day + (8 - calendar.weekday(day)) % 7;
                if (monday + 6 > days)
                    break;
                for (int d = monday; d < monday + 6; ++d)
                    schedule.blockPractitioner(team, role, d, 0, 24 * 60);
                add(practitionerId, 0, calendar.startOfDay(calendar.date(monday)),
                    calendar.startOfDay(calendar.date(monday + 6)), tr("Annual leave"));
            }
            // A training day a year, on a day the practitioner would have worked.
            for (int day = rng.between(0, std::min(364, days - 1)); day < days; day += rng.between(300, 420)) {
                const int training = firstUsableDay(day, days, [&](int d) { return schedule.works(team, role, d); });
                if (training < 0)
                    continue;
                schedule.blockPractitioner(team, role, training, 8 * 60, 19 * 60);
                add(practitionerId, 0, calendar.toUtc(training, 8 * 60), calendar.toUtc(training, 19 * 60),
                    role == 0 ? tr("Conference: annual dermatology meeting")
                              : tr("Training: advanced collagen induction course"));
            }
        }
        // One treatment room is serviced twice a year, on a weekday morning.
        DemoRandom rng = DemoRandom::stream(seed, 0x400000000ULL + quint64(team));
        constexpr int serviced = 1;
        for (int day = rng.between(0, 182); day < days; day += rng.between(160, 200)) {
            const int service =
                firstUsableDay(day, days, [&](int d) { return !schedule.isClosed(d) && calendar.weekday(d) <= 5; });
            if (service < 0)
                continue;
            schedule.blockRoom(team, serviced, service, 8 * 60, 12 * 60);
            add(0, ids.roomIds[serviced], calendar.toUtc(service, 8 * 60), calendar.toUtc(service, 12 * 60),
                tr("Device servicing and deep clean"));
        }
    }
}

} // namespace dermdesk::demo
