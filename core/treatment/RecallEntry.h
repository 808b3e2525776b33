#pragma once

#include <QDate>
#include <QString>

namespace dermdesk {

// One line of the recall list: an active plan whose next session is due (or soon due) and not booked.
// Dates are local to the clinic.
struct RecallEntry
{
    qint64 planId = 0;
    qint64 patientId = 0;
    QString patientName;
    QString phone;
    QString practitionerName;
    QString typeName;
    // The session to book next (1-based) and the plan's total.
    int nextSequence = 1;
    int plannedSessions = 0;
    // The last session done; invalid when none was (the window then runs from the plan's creation).
    QDate lastSessionDate;
    QDate windowStart;
    QDate windowEnd;
    // Days from the list's date to the window's last day; negative once it has closed.
    int daysLeft = 0;

    [[nodiscard]] bool isOverdue() const { return daysLeft < 0; }
    [[nodiscard]] bool isOpen(const QDate &date) const { return windowStart <= date && date <= windowEnd; }
};

} // namespace dermdesk
