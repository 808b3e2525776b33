#include "AppointmentRepository.h"

#include "AppointmentStatusRules.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/RowCursor.h"
#include "storage/SqlError.h"
#include "storage/Statement.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::AppointmentRepository");

// The longest visit plus the longest cleanup, in seconds: no appointment that starts earlier than this
// before an instant can still be busy at it. Matches the bound in the database's overlap triggers.
constexpr qint64 longestBusySeconds = 50400;

constexpr char appointmentColumns[] =
    "SELECT id, patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, prep_min, cleanup_min, status, "
    "cancel_category, cancel_reason, late_cancel, notes, created_at, updated_at FROM appointment ";

const QString selectColumns = QString::fromLatin1(appointmentColumns);

// The appointments that can be busy during a range (parameters: from - longestBusySeconds, to, from), and
// `alsoWhere` (ANDed), stepped through RowCursor: a check or a slot search reads a whole day's worth.
QByteArray occupyingSql(const char *alsoWhere)
{
    return QByteArray(appointmentColumns) + "WHERE starts_at > ? AND starts_at < ? AND ends_at + 60 * cleanup_min > ? "
           + alsoWhere + "AND status NOT IN (" + appointment_status::slotFreeingSqlList().toLatin1()
           + ") ORDER BY starts_at, id";
}

// A QSqlQuery row read the way RowCursor reads one.
struct QueryRow
{
    const QSqlQuery &query;
    [[nodiscard]] bool isNull(int column) const { return query.value(column).isNull(); }
    [[nodiscard]] qint64 integer(int column) const { return query.value(column).toLongLong(); }
    [[nodiscard]] QString text(int column) const { return query.value(column).toString(); }
};

// One row of the appointment columns above, from a QueryRow or a RowCursor.
template<typename Row>
Appointment readAppointment(const Row &row)
{
    Appointment a;
    a.id = row.integer(0);
    a.patientId = row.integer(1);
    a.practitionerId = row.integer(2);
    if (!row.isNull(3))
        a.roomId = row.integer(3);
    a.typeId = row.integer(4);
    a.startsAt = row.integer(5);
    a.endsAt = row.integer(6);
    a.prepMin = int(row.integer(7));
    a.cleanupMin = int(row.integer(8));
    a.status = appointment_status::fromStorage(row.text(9)).value_or(AppointmentStatus::Booked);
    a.cancelCategory = cancel_reason::fromStorage(row.text(10));
    a.cancelReason = row.text(11);
    a.lateCancel = row.integer(12) != 0;
    a.notes = row.text(13);
    a.createdAt = row.integer(14);
    a.updatedAt = row.integer(15);
    return a;
}

} // namespace

AppointmentRepository::AppointmentRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<Appointment> AppointmentRepository::find(qint64 id) const
{
    Statement kept(m_database, selectColumns + QStringLiteral("WHERE id = ?"));
    QSqlQuery &query = *kept;
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the appointment"));
    if (!query.next())
        return Error::notFound(QStringLiteral("appointment"), tr("There is no appointment %1.").arg(id));
    return readAppointment(QueryRow{query});
}

Result<QList<Appointment>> AppointmentRepository::occupying(const ClinicTime::Range &range) const
{
    static const QByteArray sql = occupyingSql("");
    return readOccupying(sql, range, {});
}

Result<QList<Appointment>> AppointmentRepository::occupying(const ClinicTime::Range &range, qint64 practitionerId,
                                                            std::optional<qint64> roomId, qint64 patientId) const
{
    // Each alternative is one range of an index on (person or room, start).
    static const QByteArray sql = occupyingSql("AND (practitioner_id = ? OR room_id = ? OR patient_id = ?) ");
    return readOccupying(sql, range, {practitionerId, roomId.value_or(0), patientId});
}

Result<QList<Appointment>> AppointmentRepository::readOccupying(const QByteArray &sql, const ClinicTime::Range &range,
                                                                const QList<qint64> &alsoBound) const
{
    RowCursor query(m_database, sql.constData());
    query.bind(1, range.from - longestBusySeconds);
    query.bind(2, range.to);
    query.bind(3, range.from);
    for (qsizetype i = 0; i < alsoBound.size(); ++i)
        query.bind(int(4 + i), alsoBound.at(i));
    if (Status run = query.exec(tr("Reading the appointments")); !run)
        return run.error();
    QList<Appointment> found;
    while (query.next())
        found.append(readAppointment(query));
    if (!query.status())
        return query.status().error();
    return found;
}

Result<std::optional<bool>> AppointmentRepository::patientArchived(qint64 patientId) const
{
    Statement statement(m_database, QStringLiteral("SELECT archived FROM patient WHERE id = ?"));
    QSqlQuery &query = *statement;
    query.addBindValue(patientId);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient"));
    if (!query.next())
        return std::optional<bool>();
    return std::optional<bool>(query.value(0).toBool());
}

} // namespace dermdesk
