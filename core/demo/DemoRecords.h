#pragma once

#include "DemoClinicLayout.h"
#include "calendar/AppointmentStatus.h"

#include <QDate>
#include <QString>

#include <vector>

namespace dermdesk::demo {

// The planned demo clinic, in memory, before it is written. Instants are UTC Unix seconds.
// Rows refer to each other by index: patient id = index + 1, plan id = index + 1,
// session id = index + 1; appointment ids are given when appointments are sorted by time.

struct DemoPatientInfo
{
    // The day (DemoCalendar numbering) of the first consultation asked for.
    int firstDay = 0;
    int team = 0;
    // When the record was created: the first booking call.
    qint64 createdAt = 0;
    // The last change: the most recent visit or booking.
    qint64 updatedAt = 0;
    bool archived = false;
};

struct DemoAppointment
{
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 practitionerId = 0;
    qint64 roomId = 0;
    qint32 patient = 0;
    // The treatment_session row this visit carries, or -1.
    qint32 session = -1;
    DemoType type = DemoType::Consultation;
    AppointmentStatus status = AppointmentStatus::Booked;
    // Index into the generator's cancellation reasons (cancelled rows) and notes (0 = none).
    quint8 cancelReason = 0;
    quint8 note = 0;
};

enum class DemoPlanStatus : quint8 {
    Proposed,
    Active,
    Completed,
    Stopped
};

struct DemoPlan
{
    qint32 patient = 0;
    qint64 leadPractitionerId = 0;
    DemoType type = DemoType::Face;
    // Bits of the generator's concern and area lists.
    quint32 concerns = 0;
    quint32 areas = 0;
    int plannedSessions = 1;
    int intervalMinWeeks = 4;
    int intervalMaxWeeks = 6;
    DemoPlanStatus status = DemoPlanStatus::Proposed;
    quint8 stopReason = 0;
    bool maintenance = false;
    QDate consentDate;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct DemoSession
{
    qint32 plan = 0;
    int sequence = 1;
    // Index of the appointment in DemoDataset::appointments (before sorting), then its id.
    qint64 appointment = 0;
    qint64 practitionerId = 0;
    // When needling began (after numbing); 0 while the session has not been performed.
    qint64 performedAt = 0;
    qint64 createdAt = 0;
};

struct DemoBlockout
{
    qint64 practitionerId = 0; // 0: not a practitioner's blockout
    qint64 roomId = 0;         // 0: not a room's blockout
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    // Valid for a weekly blockout: the last local date it repeats on.
    QDate repeatUntil;
    QString reason;
    qint64 createdAt = 0;
};

struct DemoDataset
{
    std::vector<DemoPatientInfo> patients;
    std::vector<DemoAppointment> appointments;
    std::vector<DemoPlan> plans;
    std::vector<DemoSession> sessions;
    std::vector<DemoBlockout> blockouts;
};

} // namespace dermdesk::demo
