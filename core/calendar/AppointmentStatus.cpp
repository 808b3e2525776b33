#include "AppointmentStatus.h"
#include "AppointmentStatusRules.h"
#include "common/ErrorCode.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QStringList>

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
// The status machine's refusals keep the translation context they had in the appointment repository.
constexpr TranslationContext tr("dermdesk::AppointmentRepository");

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

Status checkChange(AppointmentStatus from, AppointmentStatus to, qint64 startsAt, qint64 now)
{
    if (!canChange(from, to)) {
        return error_code::rule(ErrorCode::StatusTransition,
                                tr("An appointment that is %1 cannot become %2.").arg(label(from), label(to)));
    }
    if (to == AppointmentStatus::NoShow && now < startsAt) {
        return error_code::rule(ErrorCode::StatusTooEarly,
                                tr("A patient can be marked as a no-show only once the appointment has started."));
    }
    return {};
}

Status checkMovable(AppointmentStatus status)
{
    if (!isFinal(status))
        return {};
    return error_code::rule(ErrorCode::StatusFinal, tr("A %1 appointment cannot be moved; book a new one instead.")
                                                        .arg(label(status).toLower()));
}

Status checkStill(AppointmentStatus current, AppointmentStatus expected)
{
    if (current == expected)
        return {};
    return error_code::rule(ErrorCode::StatusChanged,
                            tr("The appointment is now %1, no longer %2: someone else changed it, so the change "
                               "cannot be undone.")
                                .arg(label(current), label(expected)));
}

const QString &slotFreeingSqlList()
{
    static const QString list = [] {
        QStringList quoted;
        for (const Spelling &s : spellings) {
            if (!holdsSlot(s.status))
                quoted.append(QLatin1Char('\'') + QLatin1String(s.storage) + QLatin1Char('\''));
        }
        return quoted.join(QLatin1String(", "));
    }();
    return list;
}

} // namespace dermdesk::appointment_status
