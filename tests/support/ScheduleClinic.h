#pragma once

#include "TempDatabase.h"
#include "calendar/BookingRequest.h"
#include "calendar/ClinicTime.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

// A clinic the booking rules accept, on top of TempDatabase::seedMinimalClinic(). All hours are local.
//
//   opening hours    Mon–Sat 08:00–20:00 (closed Sunday); grid 15 minutes
//   practitioner 1   Dr. Connie Hiers: Mon–Fri 09:00–12:00 and 13:00–17:00, Sat 09:00–13:00; types 1, 2, 3
//   practitioner 2   Nurse Ana: Mon–Sat 08:00–18:00; types 1, 2
//   practitioner 3   Dr. Old (inactive): Mon–Fri 09:00–17:00; type 1
//   room 1           Room 1: types 1, 3        room 2  Room 2: type 1        room 3  Old room (inactive): 1, 3
//   type 1           Microneedling face: 60 min, cleanup 10, needs a room
//   type 2           Consultation: 30 min, no room
//   type 3           Microneedling body: 30 min numbing + 60 min, cleanup 15, needs a room
//   type 4           Peel (inactive): 30 min; performed by practitioner 1 in room 1
//   patients         1 Joanna Smith, 2 Jürgen Müller, 3 Ada Archived (archived), 4 Wei Wang
namespace dermdesk::test {

// Runs `statements` in one transaction (one sync to disk instead of one per statement); ids given to new rows
// afterwards continue after the largest id written (TempDatabase::continueIds).
inline bool runAll(Database &database, const QStringList &statements)
{
    if (auto begun = database.engine().beginWrite(WriteScope()); !begun) {
        qWarning("runAll: %s", qPrintable(begun.error().message()));
        return false;
    }
    QSqlQuery query(database.connection());
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
            database.engine().rollback();
            return false;
        }
    }
    if (auto committed = database.engine().commit(); !committed) {
        qWarning("runAll: %s", qPrintable(committed.error().message()));
        return false;
    }
    return TempDatabase::continueIds(database);
}

inline bool seedScheduleClinic(TempDatabase &temp, const QString &zone = QStringLiteral("America/New_York"))
{
    if (!temp.seedMinimalClinic())
        return false;
    QStringList sql = {
        QStringLiteral("UPDATE clinic_settings SET time_zone = '%1', slot_minutes = 15").arg(zone),
        QStringLiteral("INSERT INTO practitioner (id, display_name, sort_order) VALUES (2, 'Nurse Ana', 2)"),
        QStringLiteral("INSERT INTO practitioner (id, display_name, active, sort_order) VALUES (3, 'Dr. Old', 0, 3)"),
        QStringLiteral("INSERT INTO room (id, name, sort_order) VALUES (2, 'Room 2', 2)"),
        QStringLiteral("INSERT INTO room (id, name, active, sort_order) VALUES (3, 'Old room', 0, 3)"),
        QStringLiteral(
            "INSERT INTO appointment_type (id, name, duration_min, needs_room) VALUES (2, 'Consultation', 30, 0)"),
        QStringLiteral("INSERT INTO appointment_type (id, name, duration_min, prep_min, cleanup_min, is_treatment) "
                       "VALUES (3, 'Microneedling body', 60, 30, 15, 1)"),
        QStringLiteral("INSERT INTO appointment_type (id, name, duration_min, active) VALUES (4, 'Peel', 30, 0)"),
        QStringLiteral("INSERT INTO practitioner_type VALUES (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (3, 1)"),
        QStringLiteral("INSERT INTO room_type VALUES (1, 1), (1, 3), (1, 4), (2, 1), (3, 1), (3, 3)"),
        QStringLiteral("INSERT INTO patient (id, given_name, family_name, archived, created_at, updated_at) "
                       "VALUES (3, 'Ada', 'Archived', 1, 0, 0), (4, 'Wei', 'Wang', 0, 0, 0)"),
    };
    for (int weekday = 1; weekday <= 6; ++weekday) {
        sql << QStringLiteral("INSERT INTO opening_hours (weekday, opens_min, closes_min) VALUES (%1, 480, 1200)")
                   .arg(weekday)
            << QStringLiteral("INSERT INTO practitioner_hours (practitioner_id, weekday, starts_min, ends_min) "
                              "VALUES (2, %1, 480, 1080)")
                   .arg(weekday);
        if (weekday <= 5)
            sql << QStringLiteral("INSERT INTO practitioner_hours (practitioner_id, weekday, starts_min, ends_min) "
                                  "VALUES (1, %1, 540, 720), (1, %1, 780, 1020), (3, %1, 540, 1020)")
                       .arg(weekday);
    }
    sql << QStringLiteral("INSERT INTO practitioner_hours (practitioner_id, weekday, starts_min, ends_min) "
                          "VALUES (1, 6, 540, 780)");
    return runAll(temp.database(), sql);
}

// Patients `patientIds` answered "no" to every active screening question at `answeredAt` (UTC Unix seconds), so
// their treatment sessions within the clinic's screening validity (90 days by default) need no acknowledgement.
inline bool screenAsClear(TempDatabase &temp, const QList<qint64> &patientIds, qint64 answeredAt)
{
    QStringList sql;
    for (const qint64 id : patientIds)
        sql << QStringLiteral("INSERT INTO screening_answer (patient_id, question_id, answer, answered_at) "
                              "SELECT %1, id, 0, %2 FROM screening_question WHERE active = 1")
                   .arg(id)
                   .arg(answeredAt);
    return runAll(temp.database(), sql);
}

// Joanna Smith, Jürgen Müller and Wei Wang (1, 2, 4) answered the screening "no" to all at `answeredAt`, and the
// clinic keeps a screening valid for `validDays` (a course of sessions months ahead then needs no acknowledgement).
// Tests about booking give the answers a day before their "now", so answers the test records itself are newer.
inline bool screenFixturePatients(TempDatabase &temp, qint64 answeredAt, int validDays = 90)
{
    return screenAsClear(temp, {1, 2, 4}, answeredAt)
           && runAll(temp.database(),
                     {QStringLiteral("UPDATE clinic_settings SET screening_max_age_days = %1").arg(validDays)});
}

// The day before the tests' usual "now" (Thursday 2026-11-26 09:00 in New York), as UTC Unix seconds.
inline constexpr qint64 dayBeforeTestNow = 1795701600 - 86400;

// A local wall-clock reading in `zone` as UTC Unix seconds (the first reading of a repeated hour).
inline qint64 local(const QString &zone, QDate date, int hour, int minute = 0)
{
    auto instant = ClinicTime(QTimeZone(zone.toUtf8())).toUtc(date, hour * 60 + minute);
    return instant.ok() ? instant.value() : 0;
}

inline qint64 newYorkAt(QDate date, int hour, int minute = 0)
{
    return local(QStringLiteral("America/New_York"), date, hour, minute);
}

// A booking of `type` for `patient` with `practitioner` at `start` (UTC Unix seconds); no room: one is picked.
inline BookingRequest bookingRequest(qint64 patient, qint64 practitioner, qint64 type, qint64 start,
                                     std::optional<qint64> room = std::nullopt)
{
    BookingRequest request;
    request.patientId = patient;
    request.practitionerId = practitioner;
    request.typeId = type;
    request.startsAt = start;
    request.roomId = room;
    return request;
}

} // namespace dermdesk::test
