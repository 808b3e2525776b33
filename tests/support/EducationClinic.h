#pragma once

#include "ScheduleClinic.h"

#include <QDateTime>

// A clinic for patient documents, on top of seedScheduleClinic (America/New_York). "Now" is
// Monday 2026-03-02 09:00 local (educationNow()); the clocks go forward on 2026-03-08.
//
//   clinic          Riverside Skin Clinic, 12 River Street, Springfield; (555) 010-0100; desk@riverside.example
//   plan 1          Joanna Smith (patient 1): Microneedling face, acne scars, face, 4 sessions 4–6 weeks apart,
//                   active, lead Dr. Connie Hiers
//     session 1     appointment 1, Mon 2026-02-16 10:00–11:00, completed, recorded: face 1.0 mm, forehead 0.5 mm
//                   (downtime band "1–3 days", up to 72 hours)
//     sessions 2–4  appointments 2, 3, 4: Mon 2026-03-16, 2026-04-20, 2026-05-25 10:00–11:00, booked, Room 1
//   appointment 5   Wei Wang (patient 4): Consultation Mon 2026-03-16 11:30–12:00 with Nurse Ana, no room
//   appointment 6   Jürgen Müller (patient 2): Microneedling face Mon 2026-03-16 13:00–14:00, cancelled
namespace dermdesk::test {

inline QDateTime educationNow()
{
    return QDateTime::fromSecsSinceEpoch(newYorkAt(QDate(2026, 3, 2), 9), QTimeZone::utc());
}

inline bool seedEducationClinic(TempDatabase &temp)
{
    if (!seedScheduleClinic(temp))
        return false;
    const auto at = [](int month, int day, int hour, int minute = 0) {
        return newYorkAt(QDate(2026, month, day), hour, minute);
    };
    QStringList sql{
        QStringLiteral("UPDATE clinic_settings SET name = 'Riverside Skin Clinic', address = '12 River Street, "
                       "Springfield', phone = '(555) 010-0100', email = 'desk@riverside.example'"),
        QStringLiteral("INSERT INTO treatment_plan (id, patient_id, lead_practitioner_id, type_id, concerns, areas, "
                       "planned_sessions, interval_min_weeks, interval_max_weeks, status, created_at, updated_at) "
                       "VALUES (1, 1, 1, 1, 'acne scars', 'face', 4, 4, 6, 'active', 0, 0)"),
    };
    const qint64 starts[] = {at(2, 16, 10), at(3, 16, 10), at(4, 20, 10), at(5, 25, 10)};
    for (int i = 0; i < 4; ++i) {
        sql << QStringLiteral("INSERT INTO appointment (id, patient_id, practitioner_id, room_id, type_id, starts_at, "
                              "ends_at, cleanup_min, status, created_at, updated_at) "
                              "VALUES (%1, 1, 1, 1, 1, %2, %3, 10, '%4', 0, 0)")
                   .arg(i + 1)
                   .arg(starts[i])
                   .arg(starts[i] + 3600)
                   .arg(i == 0 ? QStringLiteral("completed") : QStringLiteral("booked"))
            << QStringLiteral(
                   "INSERT INTO treatment_session (id, plan_id, appointment_id, sequence_no, practitioner_id, "
                   "performed_at, created_at) VALUES (%1, 1, %1, %1, 1, %2, 0)")
                   .arg(i + 1)
                   .arg(i == 0 ? QString::number(starts[0]) : QStringLiteral("NULL"));
    }
    sql << QStringLiteral("INSERT INTO treatment_session_area (session_id, area, depth_mm) VALUES (1, 'face', 1.0), "
                          "(1, 'forehead', 0.5)")
        << QStringLiteral("INSERT INTO appointment (id, patient_id, practitioner_id, room_id, type_id, starts_at, "
                          "ends_at, status, created_at, updated_at) VALUES (5, 4, 2, NULL, 2, %1, %2, 'booked', 0, 0)")
               .arg(at(3, 16, 11, 30))
               .arg(at(3, 16, 12))
        << QStringLiteral("INSERT INTO appointment (id, patient_id, practitioner_id, room_id, type_id, starts_at, "
                          "ends_at, status, cancel_reason, notes, created_at, updated_at) "
                          "VALUES (6, 2, 1, 1, 1, %1, %2, 'cancelled', 'illness', 'Called in sick', 0, 0)")
               .arg(at(3, 16, 13))
               .arg(at(3, 16, 14));
    return runAll(temp.database(), sql);
}

} // namespace dermdesk::test
