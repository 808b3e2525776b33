#pragma once

#include "clinic/ClinicSettings.h"
#include "common/Result.h"

#include <QList>

#include <array>

namespace dermdesk {
class ClinicRepository;
}

namespace dermdesk::demo {

// The demo clinic's appointment types, in the order they are created.
enum class DemoType : quint8 {
    Consultation,
    Face,
    FaceNeck,
    Body,
    FollowUp,
    PatchTest
};
constexpr int demoTypeCount = 6;
constexpr int demoTypeIndex(DemoType type)
{
    return int(type);
}

// One team: four practitioners in fixed roles (dermatologist, aesthetic nurse, two aestheticians)
// and four rooms (consultation room, two treatment rooms, body suite). The clinic grows by teams.
constexpr int demoRolesPerTeam = 4;
constexpr int demoRoomsPerTeam = 4;

struct DemoTypeInfo
{
    qint64 id = 0;
    int prepMin = 0;
    // prepMin + duration: the patient's visit.
    int visitMin = 0;
    // After the visit; practitioner and room stay busy.
    int cleanupMin = 0;
    bool isTreatment = false;
};

struct DemoTeam
{
    std::array<qint64, demoRolesPerTeam> practitionerIds{};
    std::array<qint64, demoRoomsPerTeam> roomIds{};
};

// What install() created: database ids and the durations the scheduler needs.
struct DemoStaff
{
    std::array<DemoTypeInfo, demoTypeCount> types{};
    QList<DemoTeam> teams;

    [[nodiscard]] const DemoTypeInfo &type(DemoType key) const { return types[std::size_t(demoTypeIndex(key))]; }
};

// The fixed shape of the demo clinic: settings, opening hours, the types, and each role's and
// room's hours and abilities. Minutes are local wall-clock minutes in America/New_York.
class DemoClinicLayout
{
public:
    [[nodiscard]] static ClinicSettings settings();

    // Working hours of `role` (0..3): several spans a day, with a lunch break.
    [[nodiscard]] static QList<WeeklyHours> roleHours(int role);
    [[nodiscard]] static bool rolePerforms(int role, DemoType type);
    [[nodiscard]] static bool roomHosts(int room, DemoType type);

    // How many teams `patients` new patients over `spanYears` need for their appointments to fit
    // with room to spare (a little over half of the staff's hours booked on average).
    [[nodiscard]] static int teamsFor(int patients, double spanYears);

    // Writes settings, types, then `teams` teams of practitioners and rooms, through the
    // repository (validated and audited). Call on an empty clinic database.
    static Result<DemoStaff> install(ClinicRepository &repository, int teams);
};

} // namespace dermdesk::demo
