#pragma once

#include <QString>

namespace dermdesk {

// A booked visit as patient documents show it. Instants are UTC Unix seconds, [startsAt, endsAt).
struct CourseVisit
{
    qint64 appointmentId = 0;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    QString typeName;
    QString practitionerName;
    // Empty when the visit needs no room.
    QString roomName;
    bool isTreatment = false;
    // "n of N" of a treatment plan's sessions; 0 when the visit is not a plan's session.
    int sessionNo = 0;
    int plannedSessions = 0;
    qint64 planId = 0;
};

} // namespace dermdesk
