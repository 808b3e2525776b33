#pragma once

#include <QString>

namespace dermdesk {

// A concern a plan may treat (treatment_concern): the guide's four and those the clinic adds. Plans keep the
// chosen names as text, so a concern is never deleted, only made inactive (no longer offered).
struct TreatmentConcern
{
    qint64 id = 0;
    QString name;
    // Seeded from the guide's list; informational, the clinic may still rename or retire it.
    bool fromGuide = false;
    bool active = true;
    // Position in the forms' lists, smallest first.
    int sortOrder = 0;

    friend bool operator==(const TreatmentConcern &, const TreatmentConcern &) = default;
};

} // namespace dermdesk
