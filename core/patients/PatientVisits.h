#pragma once

#include "common/Result.h"

#include <QHash>
#include <QList>

namespace dermdesk {

// What the patient side asks about patients' appointments. The appointment table belongs to the calendar,
// which sits above the patients: AppointmentRepository (core/calendar) answers, handed in by whoever builds the
// patient-side object (ClinicSession::service<AppointmentRepository>() at the desk).
class PatientVisits
{
public:
    virtual ~PatientVisits() = default;

    // For each of `patientIds` that has one, the start (UTC Unix seconds) of the patient's first appointment
    // starting at or after `fromUtc` that still holds its slot (cancelled and no-show ones do not). Patients
    // without one are absent. One query per sqlListBatch ids.
    [[nodiscard]] virtual Result<QHash<qint64, qint64>> nextVisits(const QList<qint64> &patientIds,
                                                                   qint64 fromUtc) const = 0;

protected:
    PatientVisits() = default;
    PatientVisits(const PatientVisits &) = default;
    PatientVisits &operator=(const PatientVisits &) = default;
};

} // namespace dermdesk
