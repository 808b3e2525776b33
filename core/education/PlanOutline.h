#pragma once

#include <QString>

namespace dermdesk {

// A patient's open (proposed or active) treatment plan, as a handout summarises it.
struct PlanOutline
{
    qint64 id = 0;
    // The appointment type of its sessions ("Microneedling").
    QString typeName;
    QString concerns;
    QString areas;
    int plannedSessions = 0;
    // Sessions with a practitioner's record.
    int sessionsDone = 0;
    int intervalMinWeeks = 0;
    int intervalMaxWeeks = 0;
    // "proposed" or "active".
    QString status;
    // Empty when the plan has no lead practitioner.
    QString leadPractitioner;
};

} // namespace dermdesk
