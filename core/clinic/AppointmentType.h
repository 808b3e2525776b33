#pragma once

#include <QString>

namespace dermdesk {

struct AppointmentType
{
    qint64 id = 0;
    QString name;
    // The treatment or consultation itself, in minutes.
    int durationMin = 30;
    // Preparation before it (numbing cream), in minutes. A booked visit lasts prepMin + durationMin
    // and starts with the preparation.
    int prepMin = 0;
    // Buffer after the visit during which practitioner and room stay busy, in minutes.
    int cleanupMin = 0;
    QString colour = QStringLiteral("#8fb8a8");
    // A treatment session (microneedling): contraindication rules apply when booking it.
    bool isTreatment = false;
    bool needsRoom = true;
    bool active = true;
    int sortOrder = 0;

    [[nodiscard]] int visitMinutes() const { return prepMin + durationMin; }
};

} // namespace dermdesk
