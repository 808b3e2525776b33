#pragma once

#include "ClinicTime.h"
#include "clinic/AppointmentType.h"
#include "clinic/ClinicSettings.h"
#include "clinic/Practitioner.h"
#include "clinic/Room.h"
#include "common/Result.h"

#include <QHash>
#include <QList>

namespace dermdesk {

class Database;

// A snapshot of how the clinic is set up, as the booking rules and the slot finder need it: settings
// (time zone, slot size, opening hours) and every practitioner, room and appointment type, inactive
// ones included so refusals can say "inactive" rather than "unknown". A plain value: copy it freely;
// load it again to see later changes.
class ScheduleSetup
{
public:
    ScheduleSetup(ClinicSettings settings, QList<Practitioner> practitioners, QList<Room> rooms,
                  QList<AppointmentType> types);

    // Reads the set-up through ClinicRepository. NotFound "clinic" when the clinic has not been set up.
    [[nodiscard]] static Result<ScheduleSetup> load(const Database &database);

    [[nodiscard]] const ClinicSettings &settings() const { return m_settings; }
    // The clinic's zone; every local date and minute below is in it.
    [[nodiscard]] const ClinicTime &time() const { return m_time; }
    // The schedule grid, in minutes (5, 10, 15, 20 or 30).
    [[nodiscard]] int slotMinutes() const { return m_settings.slotMinutes; }

    // Null when there is no such id. Pointers stay valid as long as this object is not modified.
    [[nodiscard]] const Practitioner *practitioner(qint64 id) const;
    [[nodiscard]] const Room *room(qint64 id) const;
    [[nodiscard]] const AppointmentType *type(qint64 id) const;

    // All of them, in their sort order.
    [[nodiscard]] const QList<Practitioner> &practitioners() const { return m_practitioners; }
    [[nodiscard]] const QList<Room> &rooms() const { return m_rooms; }

    // The clinic's opening hours on an ISO weekday (1 = Monday), in start order; empty when closed.
    [[nodiscard]] QList<WeeklyHours> openingHours(int weekday) const;
    // A practitioner's working hours on an ISO weekday, in start order; empty on a day off.
    [[nodiscard]] QList<WeeklyHours> workingHours(qint64 practitionerId, int weekday) const;

private:
    ClinicSettings m_settings;
    ClinicTime m_time;
    QList<Practitioner> m_practitioners;
    QList<Room> m_rooms;
    QList<AppointmentType> m_types;
    QHash<qint64, qsizetype> m_practitionerIndex;
    QHash<qint64, qsizetype> m_roomIndex;
    QHash<qint64, qsizetype> m_typeIndex;
};

} // namespace dermdesk
