#pragma once

#include <QDate>
#include <QString>

namespace dermdesk {

// A patient's answer to one screening question, as given on one day. Answers are never changed:
// a new answer to the same question replaces the old one from its answeredAt on.
struct ScreeningAnswer
{
    qint64 questionId = 0;
    bool yes = false;
    // The date a "yes" refers to (last isotretinoin dose, date of a peel), in the clinic's calendar;
    // null when the question asks for none or the patient does not know.
    QDate eventDate;
    QString detail;
    // When the answer was given, UTC Unix seconds (set by the repository when recorded).
    qint64 answeredAt = 0;
};

} // namespace dermdesk
