#include "AppointmentStatus.h"

#include <QCoreApplication>

namespace dermdesk::appointment_status {

namespace {
struct Spelling
{
    AppointmentStatus status;
    const char *storage;
    const char *label;
};

constexpr Spelling spellings[] = {
    {AppointmentStatus::Booked, "booked", QT_TRANSLATE_NOOP("dermdesk::AppointmentStatus", "Booked")},
    {AppointmentStatus::Confirmed, "confirmed", QT_TRANSLATE_NOOP("dermdesk::AppointmentStatus", "Confirmed")},
    {AppointmentStatus::Arrived, "arrived", QT_TRANSLATE_NOOP("dermdesk::AppointmentStatus", "Checked in")},
    {AppointmentStatus::InTreatment, "in_treatment", QT_TRANSLATE_NOOP("dermdesk::AppointmentStatus", "In treatment")},
    {AppointmentStatus::Completed, "completed", QT_TRANSLATE_NOOP("dermdesk::AppointmentStatus", "Completed")},
    {AppointmentStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("dermdesk::AppointmentStatus", "Cancelled")},
    {AppointmentStatus::NoShow, "no_show", QT_TRANSLATE_NOOP("dermdesk::AppointmentStatus", "No-show")},
};
} // namespace

QString toStorage(AppointmentStatus status)
{
    for (const Spelling &s : spellings) {
        if (s.status == status)
            return QString::fromLatin1(s.storage);
    }
    return {};
}

std::optional<AppointmentStatus> fromStorage(const QString &text)
{
    for (const Spelling &s : spellings) {
        if (text == QLatin1String(s.storage))
            return s.status;
    }
    return std::nullopt;
}

QString label(AppointmentStatus status)
{
    for (const Spelling &s : spellings) {
        if (s.status == status)
            return QCoreApplication::translate("dermdesk::AppointmentStatus", s.label);
    }
    return {};
}

QList<AppointmentStatus> all()
{
    QList<AppointmentStatus> statuses;
    for (const Spelling &s : spellings)
        statuses.append(s.status);
    return statuses;
}

bool holdsSlot(AppointmentStatus status)
{
    return status != AppointmentStatus::Cancelled && status != AppointmentStatus::NoShow;
}

bool isFinal(AppointmentStatus status)
{
    return status == AppointmentStatus::Completed || status == AppointmentStatus::Cancelled ||
           status == AppointmentStatus::NoShow;
}

QList<AppointmentStatus> nextStatuses(AppointmentStatus from)
{
    using S = AppointmentStatus;
    switch (from) {
    case S::Booked:
        return {S::Confirmed, S::Arrived, S::Cancelled, S::NoShow};
    case S::Confirmed:
        return {S::Arrived, S::Cancelled, S::NoShow};
    case S::Arrived:
        return {S::InTreatment, S::Cancelled};
    case S::InTreatment:
        return {S::Completed};
    case S::Completed:
    case S::Cancelled:
    case S::NoShow:
        return {};
    }
    return {};
}

bool canChange(AppointmentStatus from, AppointmentStatus to)
{
    return nextStatuses(from).contains(to);
}

} // namespace dermdesk::appointment_status
