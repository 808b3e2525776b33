#include "ui/schedule/StatusKeys.h"
#include "common/Translation.h"

#include <QCoreApplication>

namespace dermdesk::ui::status_keys {

namespace {

constexpr TranslationContext tr("dermdesk::ui::StatusKeys");

// "checked in", "confirmed", ... as in "Quentin Marlowe is already checked in".
QString state(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return tr("booked");
    case AppointmentStatus::Confirmed:
        return tr("confirmed");
    case AppointmentStatus::Arrived:
        return tr("checked in");
    case AppointmentStatus::InTreatment:
        return tr("in treatment");
    case AppointmentStatus::Completed:
        return tr("completed");
    case AppointmentStatus::Cancelled:
        return tr("cancelled");
    case AppointmentStatus::NoShow:
        return tr("marked as a no-show");
    }
    return {};
}

// "confirmed", "checked in", ... as in "A cancelled appointment cannot be checked in".
QString becoming(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return tr("booked again");
    case AppointmentStatus::Confirmed:
        return tr("confirmed");
    case AppointmentStatus::Arrived:
        return tr("checked in");
    case AppointmentStatus::InTreatment:
        return tr("started");
    case AppointmentStatus::Completed:
        return tr("completed");
    case AppointmentStatus::Cancelled:
        return tr("cancelled");
    case AppointmentStatus::NoShow:
        return tr("marked as a no-show");
    }
    return {};
}

} // namespace

QString refusal(AppointmentStatus from, AppointmentStatus to, const QString &patientName)
{
    using S = AppointmentStatus;
    if (appointment_status::canChange(from, to))
        return {};
    if (from == to)
        return tr("%1 is already %2").arg(patientName, state(from));
    switch (from) {
    case S::Cancelled:
        return tr("A cancelled appointment cannot be %1").arg(becoming(to));
    case S::NoShow:
        return tr("An appointment marked as a no-show cannot be %1").arg(becoming(to));
    case S::Completed:
        return tr("A completed appointment cannot be %1").arg(becoming(to));
    case S::Booked:
    case S::Confirmed:
        if (to == S::InTreatment)
            return tr("Check %1 in (I) before starting the treatment").arg(patientName);
        if (to == S::Completed)
            return tr("%1 has not been checked in: check in (I) and start the treatment (S) first").arg(patientName);
        break;
    case S::Arrived:
        if (to == S::Completed)
            return tr("Start %1's treatment (S) before completing it").arg(patientName);
        if (to == S::Confirmed)
            return tr("%1 is already checked in").arg(patientName);
        if (to == S::NoShow)
            return tr("%1 is checked in, so cannot be a no-show").arg(patientName);
        break;
    case S::InTreatment:
        if (to == S::NoShow)
            return tr("%1 is in treatment, so cannot be a no-show").arg(patientName);
        return tr("%1 is already in treatment").arg(patientName);
    }
    return tr("An appointment that is %1 cannot be %2").arg(state(from), becoming(to));
}

QString commandText(AppointmentStatus to, const QString &patientName)
{
    switch (to) {
    case AppointmentStatus::Booked:
        return tr("Book %1 again").arg(patientName);
    case AppointmentStatus::Confirmed:
        return tr("Confirm %1").arg(patientName);
    case AppointmentStatus::Arrived:
        return tr("Check in %1").arg(patientName);
    case AppointmentStatus::InTreatment:
        return tr("Start treatment of %1").arg(patientName);
    case AppointmentStatus::Completed:
        return tr("Complete %1's appointment").arg(patientName);
    case AppointmentStatus::Cancelled:
        return tr("Cancel %1's appointment").arg(patientName);
    case AppointmentStatus::NoShow:
        return tr("Mark %1 as a no-show").arg(patientName);
    }
    return {};
}

QString question(AppointmentStatus to, const QString &patientName)
{
    switch (to) {
    case AppointmentStatus::Arrived:
        return tr("Check in %1 anyway?").arg(patientName);
    case AppointmentStatus::InTreatment:
        return tr("Start %1's treatment anyway?").arg(patientName);
    case AppointmentStatus::Completed:
        return tr("Mark %1's appointment completed anyway?").arg(patientName);
    case AppointmentStatus::NoShow:
        return tr("Mark %1 as a no-show anyway?").arg(patientName);
    default:
        return tr("%1 anyway?").arg(commandText(to, patientName));
    }
}

bool belongsToTheDay(AppointmentStatus to)
{
    return to == AppointmentStatus::Arrived || to == AppointmentStatus::InTreatment
           || to == AppointmentStatus::Completed || to == AppointmentStatus::NoShow;
}

} // namespace dermdesk::ui::status_keys
