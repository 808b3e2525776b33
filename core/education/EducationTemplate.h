#pragma once

#include <QString>

#include <optional>

namespace dermdesk {

// One of the clinic's own education documents (pre-care, aftercare, FAQ, ...): rich text the clinic
// edits, with fields in braces ({patient_name}, see TemplateFields). Table education_template.
struct EducationTemplate
{
    qint64 id = 0;
    // Stable for programs: "pre_care", "aftercare_standard", ...
    QString code;
    // "pre_care", "aftercare", "faq" or "other".
    QString kind;
    QString title;
    QString bodyHtml;
    // Raised by one on every saved change of title or text.
    int version = 1;
    // Aftercare only: the expected downtime it is written for, in hours, inclusive.
    std::optional<int> downtimeFromHours;
    std::optional<int> downtimeToHours;
    // The text is still the one DermDesk shipped: the clinic has not reviewed it yet.
    bool defaultText = false;
    bool active = true;
    int sortOrder = 0;
    // UTC Unix seconds.
    qint64 updatedAt = 0;
    QString updatedBy;

    [[nodiscard]] bool coversDowntime(int hours) const
    {
        return downtimeFromHours && downtimeToHours && *downtimeFromHours <= hours && hours <= *downtimeToHours;
    }
};

} // namespace dermdesk
