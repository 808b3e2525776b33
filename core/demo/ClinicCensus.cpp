#include "ClinicCensus.h"

#include "calendar/AppointmentRepository.h"
#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

ClinicCensus::ClinicCensus(const Database &database)
    : m_database(database)
{
}

Result<ClinicCounts> ClinicCensus::counts() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM practitioner), (SELECT count(*) FROM room), (SELECT count(*) FROM patient), "
            "(SELECT count(*) FROM treatment_plan), "
            "(SELECT count(*) FROM treatment_session), (SELECT count(*) FROM blockout)"))
        || !query.next()) {
        return sqlError(query.lastError(),
                        QCoreApplication::translate("dermdesk::ClinicCensus", "Counting the clinic's records"));
    }
    ClinicCounts counts;
    counts.practitioners = query.value(0).toLongLong();
    counts.rooms = query.value(1).toLongLong();
    counts.patients = query.value(2).toLongLong();
    counts.plans = query.value(3).toLongLong();
    counts.sessions = query.value(4).toLongLong();
    counts.blockouts = query.value(5).toLongLong();
    auto appointments = AppointmentRepository(m_database).count();
    if (!appointments)
        return appointments.error();
    counts.appointments = appointments.value();
    return counts;
}

} // namespace dermdesk
