#pragma once

#include <QList>

#include <optional>

namespace dermdesk {

// What a patient handout holds besides the letterhead and the clinic's contact details.
struct HandoutOptions
{
    // Indexes into Guide::sections(), printed in the guide's order; nullopt = every section.
    std::optional<QList<int>> guideSections;
    // The open plans and the upcoming appointments.
    bool plan = true;
    // The pre-care template, for the next appointment (when there is one, or an open plan).
    bool preCare = true;
    // The aftercare template matching the expected downtime (when a session was recorded or planned).
    bool aftercare = true;
    // Further templates by id (e.g. the FAQ), after the aftercare.
    QList<qint64> extraTemplates;
};

} // namespace dermdesk
