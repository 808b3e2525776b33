#include "DemoSchedule.h"

#include <algorithm>

namespace dermdesk::demo {

namespace {

using Mask = DemoSchedule::Mask;

constexpr int gridUnits = 3; // visits start on the 15-minute grid

bool covers(const Mask &free, const Mask &need)
{
    return (free.words[0] & need.words[0]) == need.words[0] && (free.words[1] & need.words[1]) == need.words[1]
           && (free.words[2] & need.words[2]) == need.words[2];
}

Mask freeOf(const Mask &open, const Mask &busy)
{
    return {{open.words[0] & ~busy.words[0], open.words[1] & ~busy.words[1], open.words[2] & ~busy.words[2]}};
}

void add(Mask &into, const Mask &bits)
{
    for (std::size_t w = 0; w < into.words.size(); ++w)
        into.words[w] |= bits.words[w];
}

int popcount(const Mask &mask)
{
    return __builtin_popcountll(mask.words[0]) + __builtin_popcountll(mask.words[1])
           + __builtin_popcountll(mask.words[2]);
}

} // namespace

Mask DemoSchedule::span(int fromMin, int toMin)
{
    Mask mask;
    const int from = std::clamp((fromMin - firstMinute) / unitMin, 0, unitCount);
    const int to = std::clamp((toMin - firstMinute + unitMin - 1) / unitMin, 0, unitCount);
    for (int unit = from; unit < to; ++unit)
        mask.words[std::size_t(unit / 64)] |= quint64(1) << (unit % 64);
    return mask;
}

DemoSchedule::DemoSchedule(const DemoCalendar &calendar, const DemoStaff &staff, int teams)
    : m_calendar(calendar)
    , m_days(calendar.dayCount())
    , m_closed(std::size_t(calendar.dayCount()), false)
    , m_busy(std::size_t(teams) * std::size_t(calendar.dayCount()) * resources)
{
    for (int t = 0; t < demoTypeCount; ++t) {
        const DemoTypeInfo &type = staff.types[std::size_t(t)];
        const int need = (type.visitMin + type.cleanupMin + unitMin - 1) / unitMin;
        m_needUnits[std::size_t(t)] = need;
        for (int start = 0; start < unitCount; ++start) {
            const int fromMin = firstMinute + start * unitMin;
            m_spans[std::size_t(t)][std::size_t(start)] = span(fromMin, fromMin + need * unitMin);
        }
    }
    const QList<WeeklyHours> opening = DemoClinicLayout::settings().openingHours;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        Mask open;
        for (const WeeklyHours &h : opening) {
            if (h.weekday == weekday)
                add(open, span(h.startMin, h.endMin));
        }
        for (int role = 0; role < demoRolesPerTeam; ++role) {
            Mask works;
            for (const WeeklyHours &h : DemoClinicLayout::roleHours(role)) {
                if (h.weekday == weekday)
                    add(works, span(h.startMin, h.endMin));
            }
            m_open[std::size_t(role)][std::size_t(weekday)] = {
                {works.words[0] & open.words[0], works.words[1] & open.words[1], works.words[2] & open.words[2]}};
        }
        for (int room = 0; room < demoRoomsPerTeam; ++room)
            m_open[std::size_t(demoRolesPerTeam) + std::size_t(room)][std::size_t(weekday)] = open;
    }
    for (int day = 0; day < m_days; ++day) {
        if (popcount(m_open[demoRolesPerTeam][std::size_t(calendar.weekday(day))]) == 0)
            m_closed[std::size_t(day)] = true;
    }
}

bool DemoSchedule::works(int team, int role, int day) const
{
    const Mask free = freeOf(m_open[std::size_t(role)][std::size_t(m_calendar.weekday(day))], busy(team, day, role));
    return !isClosed(day) && popcount(free) > 0;
}

void DemoSchedule::closeDay(int day)
{
    m_closed[std::size_t(day)] = true;
}

void DemoSchedule::blockPractitioner(int team, int role, int day, int fromMin, int toMin)
{
    add(busy(team, day, role), span(fromMin, toMin));
}

void DemoSchedule::blockRoom(int team, int room, int day, int fromMin, int toMin)
{
    add(busy(team, day, demoRolesPerTeam + room), span(fromMin, toMin));
}

void DemoSchedule::blockWeekly(int weekday, int fromMin, int toMin)
{
    const Mask blocked = span(fromMin, toMin);
    for (auto &byWeekday : m_open) {
        Mask &open = byWeekday[std::size_t(weekday)];
        for (std::size_t w = 0; w < open.words.size(); ++w)
            open.words[w] &= ~blocked.words[w];
    }
}

bool DemoSchedule::fitsRoom(int team, int day, int weekday, int room, const Mask &need) const
{
    const auto resource = std::size_t(demoRolesPerTeam) + std::size_t(room);
    return covers(freeOf(m_open[resource][std::size_t(weekday)], busy(team, day, int(resource))), need);
}

std::optional<DemoSchedule::Slot> DemoSchedule::find(const Request &request) const
{
    const int need = m_needUnits[std::size_t(demoTypeIndex(request.type))];
    const int earliest = std::max(request.earliestDay, 0);
    const int latest = std::min(request.latestDay, m_days - 1);
    const int target = std::clamp(request.targetDay, earliest, latest);
    const int preferredUnit =
        std::clamp((request.preferredMinute - firstMinute) / unitMin / gridUnits * gridUnits, 0, unitCount - need);
    const int reach = std::max(target - earliest, latest - target);

    auto tryDay = [&](int day) -> std::optional<Slot> {
        if (m_closed[std::size_t(day)])
            return std::nullopt;
        if (request.patientDays != nullptr
            && std::find(request.patientDays->begin(), request.patientDays->end(), day) != request.patientDays->end())
            return std::nullopt;
        const int weekday = m_calendar.weekday(day);
        const int firstRole =
            request.preferredRole >= 0 ? request.preferredRole : (day + request.team) % demoRolesPerTeam;
        for (int r = 0; r < demoRolesPerTeam; ++r) {
            const int role = (firstRole + r) % demoRolesPerTeam;
            if (request.onlyPreferredRole && role != request.preferredRole)
                break;
            if (!DemoClinicLayout::rolePerforms(role, request.type))
                continue;
            const Mask free = freeOf(m_open[std::size_t(role)][std::size_t(weekday)], busy(request.team, day, role));
            if (popcount(free) < need)
                continue;
            const auto &spans = m_spans[std::size_t(demoTypeIndex(request.type))];
            for (int step = 0; step <= unitCount / gridUnits; ++step) {
                const int later = preferredUnit + step * gridUnits;
                const int earlier = preferredUnit - step * gridUnits;
                if (later > unitCount - need && earlier < 0)
                    break;
                for (const int start : {later, earlier}) {
                    if (start < 0 || start > unitCount - need || (step == 0 && start != later))
                        continue;
                    const Mask &needed = spans[std::size_t(start)];
                    if (!covers(free, needed))
                        continue;
                    for (int room = 0; room < demoRoomsPerTeam; ++room) {
                        if (DemoClinicLayout::roomHosts(room, request.type)
                            && fitsRoom(request.team, day, weekday, room, needed))
                            return Slot{day, firstMinute + start * unitMin, role, room};
                    }
                }
            }
        }
        return std::nullopt;
    };

    for (int step = 0; step <= reach; ++step) {
        if (target + step <= latest) {
            if (auto slot = tryDay(target + step))
                return slot;
        }
        if (step > 0 && target - step >= earliest) {
            if (auto slot = tryDay(target - step))
                return slot;
        }
    }
    return std::nullopt;
}

void DemoSchedule::book(int team, DemoType type, const Slot &slot)
{
    const Mask &used =
        m_spans[std::size_t(demoTypeIndex(type))][std::size_t((slot.startMinute - firstMinute) / unitMin)];
    add(busy(team, slot.day, slot.role), used);
    add(busy(team, slot.day, demoRolesPerTeam + slot.room), used);
}

} // namespace dermdesk::demo
