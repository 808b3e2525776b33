#include "ScheduleSetup.h"

#include "clinic/ClinicRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermdesk {

namespace {

QList<WeeklyHours> hoursOn(const QList<WeeklyHours> &hours, int weekday)
{
    QList<WeeklyHours> day;
    for (const WeeklyHours &span : hours) {
        if (span.weekday == weekday)
            day.append(span);
    }
    std::sort(day.begin(), day.end(),
              [](const WeeklyHours &a, const WeeklyHours &b) { return a.startMin < b.startMin; });
    return day;
}

template<typename T>
QHash<qint64, qsizetype> indexById(const QList<T> &items)
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < items.size(); ++i)
        index.insert(items.at(i).id, i);
    return index;
}

QTimeZone zoneNamed(const QByteArray &id)
{
    const QTimeZone zone(id);
    return zone.isValid() ? zone : QTimeZone::utc();
}

} // namespace

ScheduleSetup::ScheduleSetup(ClinicSettings settings, QList<Practitioner> practitioners, QList<Room> rooms,
                             QList<AppointmentType> types)
    : m_settings(std::move(settings))
    , m_time(zoneNamed(m_settings.timeZone))
    , m_practitioners(std::move(practitioners))
    , m_rooms(std::move(rooms))
    , m_types(std::move(types))
    , m_practitionerIndex(indexById(m_practitioners))
    , m_roomIndex(indexById(m_rooms))
    , m_typeIndex(indexById(m_types))
{
}

Result<ScheduleSetup> ScheduleSetup::load(const Database &database)
{
    const ClinicRepository clinic(database);
    auto settings = clinic.settings();
    if (!settings)
        return settings.error();
    if (!settings.value()) {
        return Error::notFound(QStringLiteral("clinic"),
                               QCoreApplication::translate("dermdesk::ScheduleSetup",
                                                           "The clinic has not been set up yet: add its time zone "
                                                           "and opening hours first."));
    }
    auto practitioners = clinic.practitioners(true);
    if (!practitioners)
        return practitioners.error();
    auto rooms = clinic.rooms(true);
    if (!rooms)
        return rooms.error();
    auto types = clinic.appointmentTypes(true);
    if (!types)
        return types.error();
    return ScheduleSetup(std::move(*settings.value()), std::move(practitioners).value(), std::move(rooms).value(),
                         std::move(types).value());
}

const Practitioner *ScheduleSetup::practitioner(qint64 id) const
{
    const auto found = m_practitionerIndex.constFind(id);
    return found == m_practitionerIndex.constEnd() ? nullptr : &m_practitioners.at(*found);
}

const Room *ScheduleSetup::room(qint64 id) const
{
    const auto found = m_roomIndex.constFind(id);
    return found == m_roomIndex.constEnd() ? nullptr : &m_rooms.at(*found);
}

const AppointmentType *ScheduleSetup::type(qint64 id) const
{
    const auto found = m_typeIndex.constFind(id);
    return found == m_typeIndex.constEnd() ? nullptr : &m_types.at(*found);
}

QList<WeeklyHours> ScheduleSetup::openingHours(int weekday) const
{
    return hoursOn(m_settings.openingHours, weekday);
}

QList<WeeklyHours> ScheduleSetup::workingHours(qint64 practitionerId, int weekday) const
{
    const Practitioner *p = practitioner(practitionerId);
    return p ? hoursOn(p->hours, weekday) : QList<WeeklyHours>();
}

} // namespace dermdesk
