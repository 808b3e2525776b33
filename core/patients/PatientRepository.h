#pragma once

#include "Patient.h"
#include "PatientSummary.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QList>
#include <QLocale>
#include <QVariantList>

namespace dermdesk {

class Database;

// Reads and writes patients. Patients are never deleted: setArchived() hides them from lists.
// Every write runs in one transaction and is recorded in the audit log (entity "patient").
//
// Errors: InvalidInput naming the field (any column PatientFieldRules checks: "given_name", "birth_date",
// "email", "notes", ...); NotFound "patient"; Storage.
class PatientRepository
{
public:
    explicit PatientRepository(const Database &database, const Clock &clock = Clock::system());

    // Checks a record before it is saved (PatientFieldRules::check). `today` is the clinic's current date (a
    // birth date may not be after it).
    [[nodiscard]] static Status validate(const Patient &patient, const QDate &today);

    // Saves a new patient (patient.id, createdAt, updatedAt are ignored) and returns its id.
    [[nodiscard]] Result<qint64> add(const Patient &patient);
    // Saves several new patients in one transaction, all or none (after validating every one; the first
    // invalid record's error is returned), each audited with `auditAction`. Returns their ids in order.
    [[nodiscard]] Result<QList<qint64>> addAll(const QList<Patient> &patients, const QString &auditAction);
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
    // possibleDuplicates() of each of `patients`, in their order, read in a few statements for all of them.
    [[nodiscard]] Result<QList<QList<PatientSummary>>> possibleDuplicatesOfAll(const QList<Patient> &patients) const;

    struct SearchOptions
    {
        // List archived patients too, after all the others.
        bool includeArchived = false;
        // How dates typed in the search box are read (besides YYYY-MM-DD).
        QLocale locale;
    };

    // At most `limit` patients matching `text` as PatientSearchIndex describes (names in any order,
    // phone digits, birth date, email; case and accents ignored), best matches first. Empty text
    // lists everyone by family then given name.
    [[nodiscard]] Result<QList<PatientSummary>> search(const QString &text, int limit,
                                                       const SearchOptions &options) const;
    // The one statement search() runs, with its bind values in order (for benchmarks that compare it with
    // a bare sqlite3 query). When matchesNothing is set there is nothing to run.
    struct SearchStatement
    {
        QString sql;
        QVariantList values;
        bool matchesNothing = false;
    };
    [[nodiscard]] Result<SearchStatement> searchStatement(const QString &text, int limit,
                                                          const SearchOptions &options) const;
    // The same without archived patients.
    [[nodiscard]] Result<QList<PatientSummary>> search(const QString &text, int limit) const;

private:
    [[nodiscard]] QDate clinicToday() const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace dermdesk
