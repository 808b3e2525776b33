#include "DemoClinicLayout.h"

#include "DemoVocabulary.h"

#include "clinic/ClinicRepository.h"

#include <QCoreApplication>

#include <cmath>

namespace dermdesk::demo {

namespace {

using vocabulary::tr;

struct TypeSpec
{
    const char *name;
    int durationMin;
    int prepMin;
    int cleanupMin;
    const char *colour;
    bool isTreatment;
};

constexpr std::array<TypeSpec, demoTypeCount> typeSpecs{{
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Consultation"), 30, 0, 0, "#8fb8a8", false},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Microneedling – face"), 60, 20, 10, "#7fa7c9", true},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Microneedling – face & neck"), 75, 20, 10, "#9b8fc4", true},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Microneedling – body / stretch marks"), 60, 20, 15, "#c9a27f",
     true},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Follow-up"), 15, 0, 0, "#a8c98f", false},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Patch test"), 15, 0, 5, "#d4b483", false},
}};

constexpr unsigned bit(DemoType type)
{
    return 1U << unsigned(type);
}
constexpr unsigned allTypes = (1U << demoTypeCount) - 1;
constexpr unsigned notFaceNeck = allTypes & ~bit(DemoType::FaceNeck);

// Dermatologist, aesthetic nurse and two aestheticians; only the first two do face & neck.
constexpr std::array<unsigned, demoRolesPerTeam> roleTypes{allTypes, allTypes, notFaceNeck, notFaceNeck};

// Consultation room (no needling), two treatment rooms, the body suite.
constexpr std::array<unsigned, demoRoomsPerTeam> roomTypes{
    bit(DemoType::Consultation) | bit(DemoType::FollowUp) | bit(DemoType::PatchTest),
    allTypes & ~bit(DemoType::Body),
    allTypes & ~bit(DemoType::Body),
    bit(DemoType::Face) | bit(DemoType::FaceNeck) | bit(DemoType::Body) | bit(DemoType::FollowUp),
};

// Calm, distinct tints; practitioner n of the clinic takes colour n modulo the list.
constexpr std::array<const char *, 12> palette{"#4f7cac", "#5e9c8f", "#b07aa1", "#c49a6c", "#7a9e5f", "#8c7fb8",
                                               "#c27c7c", "#5f8fa8", "#a3945b", "#6fa3a0", "#b58a5a", "#7d8fb3"};

constexpr std::array<const char *, 4> firstTeamNames{"Dr. Connie Hiers", "Maya Thompson", "Lucía Fernández",
                                                     "Priya Raman"};
constexpr std::array<const char *, 29> staffGiven{"Amara",  "Henrik", "Mei",   "Olivia", "Rafael", "Noor",
                                                  "Sophie", "Daniel", "Keiko", "Grace",  "Mateo",  "Leila",
                                                  "Hannah", "Tomás",  "Aisha", "Julia",  "Samuel", "Ingrid",
                                                  "Camila", "Owen",   "Yara",  "Elena",  "Marcus", "Zara",
                                                  "Felix",  "Nadia",  "Chloé", "Ethan",  "Rosa"};
constexpr std::array<const char *, 31> staffFamily{"Okafor",  "Lindqvist", "Chen",   "Bennett", "Alvarez", "Haddad",
                                                   "Laurent", "Kim",       "Tanaka", "O'Brien", "Rossi",   "Nowak",
                                                   "Schmidt", "Costa",     "Mensah", "Novak",   "Patel",   "Berg",
                                                   "Duarte",  "Murphy",    "Farouk", "Petrova", "Reyes",   "Khan",
                                                   "Weber",   "Ibrahim",   "Dubois", "Walsh",   "Moreno",  "Sato",
                                                   "Hughes"};

constexpr std::array<const char *, demoRolesPerTeam> roleTitles{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "MD, dermatologist"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "RN, aesthetic nurse"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Licensed aesthetician"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Licensed aesthetician"),
};

QList<WeeklyHours> spans(std::initializer_list<int> weekdays, std::initializer_list<std::pair<int, int>> times)
{
    QList<WeeklyHours> result;
    for (int weekday : weekdays) {
        for (const auto &[start, end] : times)
            result.append({weekday, start, end});
    }
    return result;
}

constexpr int hm(int hours, int minutes)
{
    return hours * 60 + minutes;
}

QString practitionerName(int team, int role)
{
    if (team == 0)
        return QString::fromUtf8(firstTeamNames[std::size_t(role)]);
    const int n = team * demoRolesPerTeam + role;
    const QString name = QString::fromUtf8(staffGiven[std::size_t(n) % staffGiven.size()]) + QLatin1Char(' ')
                         + QString::fromUtf8(staffFamily[std::size_t(n * 7) % staffFamily.size()]);
    return role == 0 ? tr("Dr. %1").arg(name) : name;
}

QString roomName(int team, int room)
{
    const bool first = team == 0;
    switch (room) {
    case 0:
        return first ? tr("Consultation room") : tr("Consultation room %1").arg(team + 1);
    case 1:
    case 2:
        return tr("Treatment room %1").arg(team * 2 + room);
    default:
        return first ? tr("Body treatment suite") : tr("Body treatment suite %1").arg(team + 1);
    }
}

} // namespace

ClinicSettings DemoClinicLayout::settings()
{
    ClinicSettings settings;
    settings.name = tr("Hiers Aesthetic Dermatology");
    settings.address = tr("1250 Magnolia Avenue, Suite 300, Alpharetta, GA 30009");
    settings.phone = QStringLiteral("(470) 555-0142");
    settings.email = QStringLiteral("frontdesk@hiers-dermatology.example");
    settings.timeZone = QByteArrayLiteral("America/New_York");
    settings.slotMinutes = 15;
    settings.defaultSessions = 4;
    settings.openingHours = spans({1, 2, 3, 4, 5}, {{hm(8, 0), hm(19, 0)}}) + spans({6}, {{hm(9, 0), hm(14, 0)}});
    return settings;
}

QList<WeeklyHours> DemoClinicLayout::roleHours(int role)
{
    switch (role) {
    case 0: // dermatologist: long Mon/Tue/Thu, short Wednesday afternoon, Friday morning
        return spans({1, 2, 4}, {{hm(8, 0), hm(12, 30)}, {hm(13, 30), hm(17, 30)}})
               + spans({3}, {{hm(8, 0), hm(12, 30)}, {hm(13, 30), hm(16, 0)}})
               + spans({5}, {{hm(8, 0), hm(10, 30)}, {hm(10, 45), hm(13, 0)}});
    case 1: // aesthetic nurse: four long days and Saturday morning
        return spans({1, 3, 4, 5}, {{hm(9, 0), hm(13, 0)}, {hm(13, 45), hm(18, 0)}})
               + spans({6}, {{hm(9, 0), hm(11, 30)}, {hm(11, 45), hm(14, 0)}});
    case 2: // aesthetician: late shifts Mon–Thu, early Friday
        return spans({1, 2, 3, 4}, {{hm(10, 0), hm(14, 0)}, {hm(14, 45), hm(19, 0)}})
               + spans({5}, {{hm(8, 0), hm(12, 0)}, {hm(12, 45), hm(16, 0)}});
    default: // aesthetician: early Tue/Wed/Fri, late Thursday, Saturday morning
        return spans({2, 3, 5}, {{hm(8, 0), hm(12, 0)}, {hm(12, 45), hm(16, 30)}})
               + spans({4}, {{hm(11, 0), hm(14, 0)}, {hm(14, 30), hm(19, 0)}})
               + spans({6}, {{hm(9, 0), hm(11, 30)}, {hm(11, 45), hm(14, 0)}});
    }
}

bool DemoClinicLayout::rolePerforms(int role, DemoType type)
{
    return (roleTypes[std::size_t(role)] & bit(type)) != 0;
}

bool DemoClinicLayout::roomHosts(int room, DemoType type)
{
    return (roomTypes[std::size_t(room)] & bit(type)) != 0;
}

int DemoClinicLayout::teamsFor(int patients, double spanYears)
{
    // Minutes of practitioner time a patient books over a history of `years` (consultation,
    // course, follow-ups, then maintenance and returns), measured on generated clinics. A team
    // works about 440,000 minutes a year; booking it to about 57% on average leaves room for
    // the busy later years and for rebooking cancelled visits within a course's interval.
    const double years = qMax(spanYears, 0.25);
    const double minutesPerPatient = 300.0 + 30.0 * years;
    const double bookableTeamMinutesPerYear = 440000.0 * 0.57;
    const double teams = double(patients) * minutesPerPatient / (years * bookableTeamMinutesPerYear);
    return qBound(1, int(std::ceil(teams - 0.1)), 500);
}

Result<DemoStaff> DemoClinicLayout::install(ClinicRepository &repository, int teams)
{
    DemoStaff staff;
    if (Status saved = repository.saveSettings(settings()); !saved)
        return saved.error();

    for (int t = 0; t < demoTypeCount; ++t) {
        const TypeSpec &spec = typeSpecs[std::size_t(t)];
        AppointmentType type;
        type.name = tr(spec.name);
        type.durationMin = spec.durationMin;
        type.prepMin = spec.prepMin;
        type.cleanupMin = spec.cleanupMin;
        type.colour = QString::fromLatin1(spec.colour);
        type.isTreatment = spec.isTreatment;
        type.sortOrder = t;
        const auto id = repository.saveAppointmentType(type);
        if (!id)
            return id.error();
        staff.types[std::size_t(t)] = {id.value(), spec.prepMin, spec.prepMin + spec.durationMin, spec.cleanupMin,
                                       spec.isTreatment};
    }

    auto typeIds = [&staff](auto performs) {
        QList<qint64> ids;
        for (int t = 0; t < demoTypeCount; ++t) {
            if (performs(DemoType(t)))
                ids.append(staff.types[std::size_t(t)].id);
        }
        return ids;
    };

    for (int team = 0; team < teams; ++team) {
        DemoTeam created;
        for (int role = 0; role < demoRolesPerTeam; ++role) {
            Practitioner practitioner;
            practitioner.displayName = practitionerName(team, role);
            practitioner.title = tr(roleTitles[std::size_t(role)]);
            practitioner.colour =
                QString::fromLatin1(palette[std::size_t(team * demoRolesPerTeam + role) % palette.size()]);
            practitioner.sortOrder = team * demoRolesPerTeam + role;
            practitioner.hours = roleHours(role);
            practitioner.typeIds = typeIds([role](DemoType type) { return rolePerforms(role, type); });
            const auto id = repository.savePractitioner(practitioner);
            if (!id)
                return id.error();
            created.practitionerIds[std::size_t(role)] = id.value();
        }
        for (int room = 0; room < demoRoomsPerTeam; ++room) {
            Room saved;
            saved.name = roomName(team, room);
            saved.sortOrder = team * demoRoomsPerTeam + room;
            saved.typeIds = typeIds([room](DemoType type) { return roomHosts(room, type); });
            const auto id = repository.saveRoom(saved);
            if (!id)
                return id.error();
            created.roomIds[std::size_t(room)] = id.value();
        }
        staff.teams.append(created);
    }
    return staff;
}

} // namespace dermdesk::demo
