#pragma once

#include "common/Result.h"

#include <QJsonObject>

namespace dermdesk {

class Database;

// Everything the clinic holds about one patient, for a patient's access request: the record (every column),
// screening answers with the dates given, appointments with their status history, treatment plans with their
// sessions, waitlist entries, handouts printed and the audit entries about the patient, their appointments,
// plans and sessions. Instants stay UTC Unix seconds in JSON; the HTML shows them in the clinic's zone.
// The appointments and their history come from AppointmentRepository::recordOf (core/calendar). Read-only; use
// on the Database's thread.
class PatientRecordExport
{
public:
    explicit PatientRecordExport(const Database &database);

    // {"format": "dermdesk.patient_record", "version": 1, "patient": {...}, "screening": [...],
    //  "appointments": [{..., "history": [...]}], "treatment_plans": [{..., "sessions": [...]}],
    //  "waitlist": [...], "handouts": [...], "audit": [{..., "details": {...}}]}. NotFound "patient".
    [[nodiscard]] Result<QJsonObject> toJson(qint64 patientId) const;
    // The same as a printable HTML document (UTF-8, self-contained, for a PDF).
    [[nodiscard]] Result<QString> toHtml(qint64 patientId) const;
    // Turns toJson()'s object into that document; `zone` is an IANA id for the times shown.
    [[nodiscard]] static QString htmlFrom(const QJsonObject &record, const QByteArray &zone);

private:
    const Database &m_database;
};

} // namespace dermdesk
