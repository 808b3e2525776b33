#pragma once

#include "AppointmentType.h"
#include "ClinicSettings.h"
#include "Practitioner.h"
#include "Room.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QTimeZone>

#include <optional>

namespace dermdesk {

class Database;

// Reads and writes how the clinic is set up: settings, opening hours, practitioners, rooms and
// appointment types. Every write runs in one transaction and is audited. Nothing is ever
// deleted: practitioners, rooms and types are deactivated instead.
class ClinicRepository
{
public:
    explicit ClinicRepository(const Database &database, const Clock &clock = Clock::system());

    // The clinic's settings, or nullopt when the clinic has not been set up yet (first run).
    [[nodiscard]] Result<std::optional<ClinicSettings>> settings() const;
    // Validates (name present, known IANA time zone, slot size, opening hours) and saves.
    Status saveSettings(const ClinicSettings &settings);
    // The clinic's time zone; UTC if the clinic has not been set up.
    [[nodiscard]] QTimeZone timeZone() const;

    [[nodiscard]] Result<QList<Practitioner>> practitioners(bool includeInactive = false) const;
    [[nodiscard]] Result<QList<Room>> rooms(bool includeInactive = false) const;
    [[nodiscard]] Result<QList<AppointmentType>> appointmentTypes(bool includeInactive = false) const;

    // Insert when id == 0, update otherwise; returns the id. Hours and type lists are replaced whole.
    Result<qint64> savePractitioner(const Practitioner &practitioner);
    Result<qint64> saveRoom(const Room &room);
    Result<qint64> saveAppointmentType(const AppointmentType &type);

    // Field checks shared by the settings dialog and the command line; an Error names the field.
    [[nodiscard]] static Status validate(const ClinicSettings &settings);
    // The treatment-plan part of validate(): default sessions 1..20, default interval minimum and maximum
    // 1..52 weeks with minimum <= maximum, recall horizon 0..90 days, consent form version at most 40 characters.
    [[nodiscard]] static Status validatePlanDefaults(const ClinicSettings &settings);
    [[nodiscard]] static Status validate(const Practitioner &practitioner);
    [[nodiscard]] static Status validate(const AppointmentType &type);

    // The stored words for the two clinic-wide choices ("caution"/"stop"; "letter"/"a4"/"" for automatic).
    [[nodiscard]] static QString unscreenedPolicyCode(ClinicSettings::UnscreenedPolicy policy);
    [[nodiscard]] static QString paperSizeCode(ClinicSettings::PaperSize size);
    [[nodiscard]] static ClinicSettings::PaperSize paperSizeFromCode(const QString &code);

private:
    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
