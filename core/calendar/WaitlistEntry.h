#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace dermdesk {

// A patient who wants an earlier appointment of a type. Dates and minutes are local to the clinic.
struct WaitlistEntry
{
    enum class Status {
        Active,
        // An offered slot was booked: appointmentId says which.
        Booked,
        // Taken off the list; statusReason says why.
        Removed,
    };

    qint64 id = 0;
    qint64 patientId = 0;
    qint64 typeId = 0;
    // Empty: any practitioner who performs the type.
    std::optional<qint64> practitionerId;
    // The dates the patient accepts, inclusive.
    QDate earliestDate;
    QDate latestDate;
    // Preferred ISO weekdays (1 = Monday); empty means any day.
    QList<int> weekdays;
    // Preferred time of day: the visit lies inside [earliestMinute, latestMinute).
    int earliestMinute = 0;
    int latestMinute = 24 * 60;
    QString notes;
    Status status = Status::Active;
    QString statusReason;
    std::optional<qint64> appointmentId;
    // UTC Unix seconds.
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    [[nodiscard]] bool acceptsWeekday(int isoWeekday) const
    {
        return weekdays.isEmpty() || weekdays.contains(isoWeekday);
    }
};

} // namespace dermdesk
