#include "BookingScreening.h"

#include "common/Translation.h"
#include "patients/ScreeningEvaluator.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

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
        return Error::rule(QStringLiteral("screening.stop"),
                           tr("Screening rule \"%1\": %2 A treatment session cannot be booked for this date. %3")
                               .arg(stop.name, ScreeningEvaluator::describe({stop}) + QLatin1Char('.'),
                                    ScreeningEvaluator::clearsText(stop)));
    }
    return screening.value().cautionsToAcknowledge();
}

Error BookingScreening::unacknowledged(const QList<ScreeningFinding> &cautions)
{
    return Error::rule(QStringLiteral("screening.caution"),
                       tr("Screening caution: %1. A treatment session on this date needs an acknowledgement "
                          "with a reason.")
                           .arg(ScreeningEvaluator::describe(cautions)));
}

Status BookingScreening::recordAcknowledgement(const Appointment &appointment, const QString &reason,
                                               const ScheduleSetup &setup) const
{
    if (reason.isEmpty())
        return {};
    auto found = cautions(appointment, setup);
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return {};
    QJsonArray rules;
    for (const ScreeningFinding &caution : found.value())
        rules.append(QJsonObject{{QStringLiteral("code"), caution.code},
                                 {QStringLiteral("name"), caution.name},
                                 {QStringLiteral("message"), caution.message}});
    return AuditLog(m_database, m_clock)
        .record(QStringLiteral("screening.acknowledged"), QStringLiteral("appointment"), appointment.id,
                {{QStringLiteral("patient_id"), appointment.patientId},
                 {QStringLiteral("date"), setup.time().localDate(appointment.startsAt).toString(Qt::ISODate)},
                 {QStringLiteral("rules"), rules},
                 {QStringLiteral("reason"), reason}});
}

} // namespace dermdesk
