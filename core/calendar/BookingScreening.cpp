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
    auto screening =
        ScreeningEvaluator(m_database).evaluate(candidate.patientId, setup.time().localDate(candidate.startsAt), true);
    if (!screening)
        return screening.error();
    if (screening.value().refuses()) {
        const ScreeningFinding &stop = screening.value().stops.constFirst();
        return error_code::rule(ErrorCode::ScreeningStop,
                                tr("Screening rule \"%1\": %2 A treatment session cannot be booked for this date. %3")
                                    .arg(stop.name, ScreeningEvaluator::describe({stop}) + QLatin1Char('.'),
                                         ScreeningEvaluator::clearsText(stop)));
    }
    return screening.value().cautionsToAcknowledge();
}

Error BookingScreening::unacknowledged(const QList<ScreeningFinding> &cautions)
{
    return error_code::rule(ErrorCode::ScreeningCaution,
                            tr("Screening caution: %1. A treatment session on this date needs an acknowledgement "
                               "with a reason.")
                                .arg(ScreeningEvaluator::describe(cautions)));
}

} // namespace dermdesk
