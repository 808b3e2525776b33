#pragma once

#include "DemoCalendar.h"
#include "DemoClinicLayout.h"

#include <array>
#include <optional>
#include <vector>

namespace dermdesk::demo {

// Who is busy when, in memory, while the demo is planned: one bit per 5 minutes of local time,
// per day × team × resource (each role's practitioner and each room). Answers "where does this
// visit fit?" under every rule the database and the clinic enforce: opening hours, working
// hours, closures and blockouts, who performs and which room hosts the type, no overlaps
// (cleanup included) for practitioner and room, and one visit a day per patient.
class DemoSchedule
{
public:
    // Local minutes covered: [firstMinute, firstMinute + 5 * 192) = 07:00 to 23:00.
    static constexpr int unitMin = 5;
    static constexpr int firstMinute = 7 * 60;
    static constexpr int unitCount = 192;

    struct Mask
    {
        std::array<quint64, 3> words{};
    };

    struct Request
    {
        int team = 0;
        DemoType type = DemoType::Consultation;
        // Days the visit may fall on, [earliestDay, latestDay], tried nearest to targetDay first.
        int earliestDay = 0;
        int targetDay = 0;
        int latestDay = 0;
        // Local start minute tried first; others spiral out from it in steps of 15 minutes.
        int preferredMinute = 9 * 60;
        // Role tried first on each day; with onlyPreferredRole no one else is asked.
        int preferredRole = -1;
        bool onlyPreferredRole = false;
        // Days on which the patient is already booked (a patient comes at most once a day).
        const std::vector<int> *patientDays = nullptr;
    };

    struct Slot
    {
        int day = 0;
        int startMinute = 0;
        int role = 0;
        int room = 0;
    };

    DemoSchedule(const DemoCalendar &calendar, const DemoStaff &staff, int teams);

    [[nodiscard]] const DemoCalendar &calendar() const { return m_calendar; }
    [[nodiscard]] bool isClosed(int day) const { return m_closed[std::size_t(day)]; }
    // True when `role` works on `day` (has hours on its weekday and no whole-day blockout).
    [[nodiscard]] bool works(int team, int role, int day) const;

    // Blockouts: the whole clinic for a day, a role's practitioner or a room for [fromMin, toMin).
    void closeDay(int day);
    void blockPractitioner(int team, int role, int day, int fromMin, int toMin);
    void blockRoom(int team, int room, int day, int fromMin, int toMin);
    // A weekly whole-clinic blockout on `weekday` for [fromMin, toMin), every week of the calendar.
    void blockWeekly(int weekday, int fromMin, int toMin);

    [[nodiscard]] std::optional<Slot> find(const Request &request) const;
    // Marks the practitioner and room of `slot` busy for the visit and its cleanup.
    void book(int team, DemoType type, const Slot &slot);

private:
    [[nodiscard]] static Mask span(int fromMin, int toMin);
    [[nodiscard]] Mask &busy(int team, int day, int resource)
    {
        return m_busy[(std::size_t(team) * std::size_t(m_days) + std::size_t(day)) * resources + std::size_t(resource)];
    }
    [[nodiscard]] const Mask &busy(int team, int day, int resource) const
    {
        return m_busy[(std::size_t(team) * std::size_t(m_days) + std::size_t(day)) * resources + std::size_t(resource)];
    }
    [[nodiscard]] bool fitsRoom(int team, int day, int weekday, int room, const Mask &need) const;

    static constexpr std::size_t resources = demoRolesPerTeam + demoRoomsPerTeam;

    const DemoCalendar &m_calendar;
    int m_days = 0;
    std::array<int, demoTypeCount> m_needUnits{};
    // The units a visit of each type (with its cleanup) covers, by start unit.
    std::array<std::array<Mask, unitCount>, demoTypeCount> m_spans{};
    // Free time by weekday (index 1..7): each role's working hours, each room's opening hours.
    std::array<std::array<Mask, 8>, resources> m_open{};
    std::vector<bool> m_closed;
    std::vector<Mask> m_busy;
};

} // namespace dermdesk::demo
