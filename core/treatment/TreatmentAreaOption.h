#pragma once

#include <QString>

#include <optional>

namespace dermdesk {

// A treatment area the plan and session forms offer (treatment_area_option), with the needle depth a new plan
// suggests for it. Plans and session records keep area names as text, so an area is never deleted, only made
// inactive (no longer offered).
struct TreatmentAreaOption
{
    qint64 id = 0;
    QString name;
    // Millimetres, TreatmentPlan::minDepthMm..maxDepthMm; empty: the form suggests no depth.
    std::optional<double> defaultDepthMm;
    bool active = true;
    // Position in the forms' lists, smallest first.
    int sortOrder = 0;

    friend bool operator==(const TreatmentAreaOption &, const TreatmentAreaOption &) = default;
};

} // namespace dermdesk
