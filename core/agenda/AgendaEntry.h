#pragma once

#include "calendar/AppointmentStatus.h"
#include "patients/ScreeningOutcome.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace dermdesk {

// One appointment as the agenda shows it: the visit with the names and colours it is displayed by.
// Instants are UTC Unix seconds; the visit is [startsAt, endsAt) and begins with prepMin of preparation.
struct AgendaEntry
{
    qint64 id = 0;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    int prepMin = 0;
    AppointmentStatus status = AppointmentStatus::Booked;
    qint64 patientId = 0;
    QString patientName;
    qint64 practitionerId = 0;
    QString practitionerName;
    // "#rrggbb"
    QString practitionerColour;
    qint64 typeId = 0;
    QString typeName;
    // "#rrggbb"
    QString typeColour;
    // 0 when the appointment has no room.
    qint64 roomId = 0;
    // Empty when the appointment needs no room.
    QString roomName;
    QString notes;
    // A treatment session's screening state on its own date (Clear for other types and for appointments that
    // no longer hold their slot), and the findings with the date each clears, one per line.
    ScreeningLevel screening = ScreeningLevel::Clear;
    QString screeningSummary;
    // What the appointment row holds of its patient's screening (kept by the schema's triggers; read by
    // AgendaRepository::forSchedule only): when the newest answer was given (none: never screened), and whether the
    // latest answer to some question is yes.
    std::optional<qint64> patientScreenedAt;
    bool patientScreeningYes = false;
    // A treatment-plan session: "2 of 4" (empty otherwise), and whether it lies outside its interval window.
    QString planSession;
    bool outsideWindow = false;
};

} // namespace dermdesk

// Moved in memory as a whole when a list of entries grows (every member is relocatable).
Q_DECLARE_TYPEINFO(dermdesk::AgendaEntry, Q_RELOCATABLE_TYPE);
