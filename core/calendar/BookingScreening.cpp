#include "BookingScreening.h"

#include "common/ErrorCode.h"
#include "common/Translation.h"
#include "patients/ScreeningEvaluator.h"

#include <QCoreApplication>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

} // namespace

BookingScreening::BookingScreening(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<ScreeningFinding>> BookingScreening::cautions(const Appointment &candidate,
                                                           const ScheduleSetup &setup) const
{
    const AppointmentType *type = setup.type(candidate.typeId);
    if (type == nullptr || !type->isTreatment)
        return QList<ScreeningFinding>();
    // The settings the booking holds already (the screening's validity, the zone, the policy for the unscreened).
    const auto patient = ScreeningEvaluator(m_database).forPatient(candidate.patientId, setup.settings());
    if (!patient)
        return patient.error();
    const ScreeningOutcome screening = patient.value().on(setup.time().localDate(candidate.startsAt));
    if (screening.refuses()) {
        const ScreeningFinding &stop = screening.stops.constFirst();
        return error_code::rule(ErrorCode::ScreeningStop,
                                tr("Screening rule \"%1\": %2 A treatment session cannot be booked for this date. %3")
                                    .arg(stop.name, ScreeningEvaluator::describe({stop}) + QLatin1Char('.'),
                                         ScreeningEvaluator::clearsText(stop)));
    }
    return screening.cautionsToAcknowledge();
}

Error BookingScreening::unacknowledged(const QList<ScreeningFinding> &cautions)
{
    return error_code::rule(ErrorCode::ScreeningCaution,
                            tr("Screening caution: %1. A treatment session on this date needs an acknowledgement "
                               "with a reason.")
                                .arg(ScreeningEvaluator::describe(cautions)));
}

} // namespace dermdesk
