#pragma once

#include "AppointmentStatus.h"

#include <QString>
#include <QtGlobal>

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
    // The patient has a screening caution (a contraindication to check before treating). Not read yet:
    // always false until the patients' screening is available to the agenda.
    bool screeningCaution = false;
    // A treatment-plan session: "2 of 4" (empty otherwise), and whether it lies outside its interval window.
    QString planSession;
    bool outsideWindow = false;
};

} // namespace dermdesk

// Moved in memory as a whole when a list of entries grows (every member is relocatable).
Q_DECLARE_TYPEINFO(dermdesk::AgendaEntry, Q_RELOCATABLE_TYPE);
