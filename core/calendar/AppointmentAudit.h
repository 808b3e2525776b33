#pragma once

#include "Appointment.h"

#include <QJsonObject>
#include <QJsonValue>

namespace dermdesk::appointment_audit {

// An appointment as its audit_log rows hold it ("before" and "after"): what it is booked as, not its notes.
inline QJsonObject toJson(const Appointment &a)
{
    QJsonObject json{{QStringLiteral("patient_id"), a.patientId},
                     {QStringLiteral("practitioner_id"), a.practitionerId},
                     {QStringLiteral("type_id"), a.typeId},
                     {QStringLiteral("starts_at"), a.startsAt},
                     {QStringLiteral("ends_at"), a.endsAt},
                     {QStringLiteral("prep_min"), a.prepMin},
                     {QStringLiteral("cleanup_min"), a.cleanupMin},
                     {QStringLiteral("status"), appointment_status::toStorage(a.status)}};
    json.insert(QStringLiteral("room_id"), a.roomId ? QJsonValue(*a.roomId) : QJsonValue());
    if (!a.cancelReason.isEmpty())
        json.insert(QStringLiteral("cancel_reason"), a.cancelReason);
    if (a.lateCancel)
        json.insert(QStringLiteral("late_cancel"), true);
    return json;
}

} // namespace dermdesk::appointment_audit
