#pragma once

#include "TempDatabase.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtTest>

// Rows the agenda, patient and plan tests insert directly (bypassing every core rule), on top of
// TempDatabase::seedMinimalClinic(): practitioner 1, room 1, type 1, patients 1 (Joanna Smith)
// and 2 (Jürgen Müller).
namespace dermdesk::test {

// A fresh database holding seedMinimalClinic()'s rows; null (with a warning) if that fails.
inline std::unique_ptr<TempDatabase> minimalClinic()
{
    auto temp = std::make_unique<TempDatabase>();
    if (!temp->isValid() || !temp->seedMinimalClinic())
        return nullptr;
    return temp;
}

// A local wall-clock time in America/New_York as UTC Unix seconds.
inline qint64 newYork(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone("America/New_York")).toSecsSinceEpoch();
}

inline bool exec(Database &database, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

// Runs `prepared`, an INSERT of one row, as the engine inserts rows (StorageEngine::insert) and returns the new row's
// id; 0 (with a QWARN naming `what`) when it fails.
inline qint64 insertRow(Database &database, QSqlQuery &prepared, const char *what)
{
    const auto id = database.engine().insert(prepared, QString::fromLatin1(what));
    if (!id) {
        qWarning("%s: %s", what, qPrintable(id.error().message()));
        return 0;
    }
    return id.value();
}

// Inserts an appointment and returns its id (0 on failure).
inline qint64 insertAppointment(Database &database, qint64 patient, qint64 startsAt, int minutes,
                                const QString &status = QStringLiteral("booked"), qint64 practitioner = 1,
                                QVariant room = 1)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO appointment (patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, status, "
        "cancel_reason, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, 0, 0)"));
    query.addBindValue(patient);
    query.addBindValue(practitioner);
    query.addBindValue(room);
    query.addBindValue(startsAt);
    query.addBindValue(startsAt + minutes * 60);
    query.addBindValue(status);
    query.addBindValue(status == QLatin1String("cancelled") ? QStringLiteral("illness") : QStringLiteral(""));
    return insertRow(database, query, "insertAppointment");
}

inline qint64 insertPatient(Database &database, const QString &given, const QString &family, bool archived = false)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("INSERT INTO patient (given_name, family_name, archived, created_at, updated_at) "
                                 "VALUES (?, ?, ?, 0, 0)"));
    query.addBindValue(given);
    query.addBindValue(family);
    query.addBindValue(archived ? 1 : 0);
    return insertRow(database, query, "insertPatient");
}

// Inserts a treatment plan of type 1 led by practitioner 1 and returns its id.
inline qint64 insertPlan(Database &database, qint64 patient, const QString &status, int sessions,
                         const QString &concerns = QStringLiteral("acne scars"))
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO treatment_plan (patient_id, lead_practitioner_id, type_id, concerns, areas, planned_sessions, "
        "interval_min_weeks, interval_max_weeks, status, stop_reason, created_at, updated_at) "
        "VALUES (?, 1, 1, ?, 'face', ?, 4, 6, ?, ?, 0, 0)"));
    query.addBindValue(patient);
    query.addBindValue(concerns);
    query.addBindValue(sessions);
    query.addBindValue(status);
    query.addBindValue(status == QLatin1String("stopped") ? QStringLiteral("moved away") : QStringLiteral(""));
    return insertRow(database, query, "insertPlan");
}

// Links appointment `appointment` to plan `plan` as session `sequence`; `performedAt` marks it done.
inline bool insertSession(Database &database, qint64 plan, int sequence, qint64 appointment, QVariant performedAt = {})
{
    return exec(database,
                QStringLiteral("INSERT INTO treatment_session (plan_id, sequence_no, appointment_id, performed_at, "
                               "created_at) VALUES (?, ?, ?, ?, 0)"),
                {plan, sequence, appointment ? QVariant(appointment) : QVariant(), performedAt});
}

} // namespace dermdesk::test
