#pragma once

#include <QString>

namespace dermdesk {

// One question of the medical screening form (table screening_question).
struct ScreeningQuestion
{
    qint64 id = 0;
    // Stable name for programs: "isotretinoin", "pregnancy", ...
    QString code;
    // The question as the form shows it.
    QString question;
    // A "yes" takes a date (the last dose, the last procedure).
    bool asksDate = false;
    int sortOrder = 0;
    bool active = true;
};

} // namespace dermdesk
