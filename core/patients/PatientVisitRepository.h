#pragma once

#include "PatientVisit.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// A patient's appointments for the patient page's timeline. Read-only.
class PatientVisitRepository
{
public:
    explicit PatientVisitRepository(const Database &database);

    // Every appointment of the patient (cancelled and no-show ones too), latest first. One index range
    // scan on appointment(patient_id, starts_at). An unknown patient simply has none.
    [[nodiscard]] Result<QList<PatientVisit>> visits(qint64 patientId) const;

private:
    const Database &m_database;
};

} // namespace dermdesk
