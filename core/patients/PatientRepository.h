#pragma once

#include "Patient.h"
#include "PatientSummary.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>

namespace dermdesk {

class Database;

// Reads and writes patients. Patients are never deleted: setArchived() hides them from lists.
// Every write runs in one transaction and is recorded in the audit log (entity "patient").
//
// Errors: InvalidInput naming the field ("given_name", "family_name", "birth_date", "phone",
// "phone_home", "email", "preferred_channel", "fitzpatrick"); NotFound "patient"; Storage.
class PatientRepository
{
public:
    explicit PatientRepository(const Database &database, const Clock &clock = Clock::system());

    // Checks a record before it is saved. `today` is the clinic's current date (a birth date may not
    // be after it).
    [[nodiscard]] static Status validate(const Patient &patient, const QDate &today);

    // Saves a new patient (patient.id, createdAt, updatedAt are ignored) and returns its id.
    [[nodiscard]] Result<qint64> add(const Patient &patient);
    [[nodiscard]] Result<Patient> find(qint64 id) const;
    // Saves every field of an existing patient except `archived`, `createdAt` (kept) and `updatedAt` (now).
    // The audit entry holds the fields that changed, before and after.
    [[nodiscard]] Status update(const Patient &patient);
    // Archives (hides from searches) or restores a patient.
    [[nodiscard]] Status setArchived(qint64 id, bool archived);

    // Existing patients (archived ones too) that may be the same person as `patient`: same given and
    // family name ignoring case and accents with the same birth date, or the same phone digits (mobile
    // or home, either way round). Never lists patient.id itself. Sorted by family then given name.
    [[nodiscard]] Result<QList<PatientSummary>> possibleDuplicates(const Patient &patient) const;

    // Patients whose names match `text`, sorted by family then given name, at most `limit` of them.
    // Every whitespace-separated word of `text` must begin the given, family or preferred name,
    // ignoring case in any script ("mü" finds "Müller"). Empty text lists everyone from the start
    // of the alphabet. `nextVisitAt` is filled from now on.
    [[nodiscard]] Result<QList<PatientSummary>> search(const QString &text, int limit) const;

private:
    [[nodiscard]] QDate clinicToday() const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
