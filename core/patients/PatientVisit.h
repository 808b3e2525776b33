#pragma once

#include <QString>

namespace dermdesk {

// One appointment on a patient's timeline, past or future.
struct PatientVisit
{
    qint64 appointmentId = 0;
    // UTC Unix seconds, half-open [startsAt, endsAt).
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    // appointment.status: booked, confirmed, arrived, in_treatment, completed, cancelled, no_show.
    QString status;
    bool lateCancel = false;
    QString typeName;
    bool isTreatment = false;
    QString practitionerName;
    // Empty when the appointment needs no room.
    QString roomName;
};

} // namespace dermdesk
