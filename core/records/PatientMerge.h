#pragma once

#include "patients/Patient.h"

#include <QList>

namespace dermdesk {

// What merging one patient record into another moves (PatientMerger::preview and ::merge): the two records as
// they are, and the rows of the merged record that move to the survivor.
struct PatientMerge
{
    Patient survivor;
    Patient merged;
    // Ids of the merged record's rows that move, in start / creation order.
    QList<qint64> appointmentIds;
    QList<qint64> planIds;
    QList<qint64> waitlistIds;
    // Screening answers and handout-log rows that move (kept as they were given, under the survivor).
    int screeningAnswers = 0;
    int handouts = 0;
};

} // namespace dermdesk
