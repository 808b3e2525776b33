#include "PatientRepository.h"

#include "PatientFieldRules.h"
#include "PatientSearchIndex.h"
#include "TextFolding.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/SqlValue.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientRepository");

// The columns readPatient() expects, in its order, bare and of the alias p.
const char *const patientColumns =
    "id, given_name, family_name, preferred_name, birth_date, phone, phone_home, email, address, emergency_contact, "
    "preferred_channel, reminder_consent, fitzpatrick, allergies, medications, notes, archived, created_at, updated_at";
const char *const summaryColumns =
    "p.id, p.given_name, p.family_name, p.preferred_name, p.birth_date, p.phone, p.phone_home, p.email, p.address, "
    "p.emergency_contact, p.preferred_channel, p.reminder_consent, p.fitzpatrick, p.allergies, p.medications, "
    "p.notes, p.archived, p.created_at, p.updated_at";

Patient readPatient(const QSqlQuery &query)
{
    Patient p;
    p.id = query.value(0).toLongLong();
    p.givenName = query.value(1).toString();
    p.familyName = query.value(2).toString();
    p.preferredName = query.value(3).toString();
    p.birthDate = QDate::fromString(query.value(4).toString(), Qt::ISODate);
    p.phone = query.value(5).toString();
    p.phoneHome = query.value(6).toString();
    p.email = query.value(7).toString();
    p.address = query.value(8).toString();
    p.emergencyContact = query.value(9).toString();
    p.preferredChannel = query.value(10).toString();
    p.reminderConsent = query.value(11).toBool();
    if (!query.value(12).isNull())
        p.fitzpatrick = query.value(12).toInt();
    p.allergies = query.value(13).toString();
    p.medications = query.value(14).toString();
    p.notes = query.value(15).toString();
    p.archived = query.value(16).toBool();
    p.createdAt = query.value(17).toLongLong();
    p.updatedAt = query.value(18).toLongLong();
    return p;
}

// Only the fields whose values differ, as {"before": {...}, "after": {...}}.
QJsonObject changes(const Patient &before, const Patient &after)
{
    const QJsonObject old = before.toJson();
    const QJsonObject now = after.toJson();
    QJsonObject was;
    QJsonObject is;
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (old.value(it.key()) != it.value()) {
            was.insert(it.key(), old.value(it.key()));
            is.insert(it.key(), it.value());
        }
    }
    return {{QStringLiteral("before"), was}, {QStringLiteral("after"), is}};
}

// Every stored field except id, archived and the time stamps, in patientColumns' order, as values to bind.
QVariantList fieldValues(const Patient &p)
{
    return {p.givenName.trimmed(),
            p.familyName.trimmed(),
            sqlText(p.preferredName.trimmed()),
            p.birthDate.isValid() ? QVariant(p.birthDate.toString(Qt::ISODate))
                                  : QVariant(QMetaType::fromType<QString>()),
            sqlText(p.phone.trimmed()),
            sqlText(p.phoneHome.trimmed()),
            sqlText(p.email.trimmed()),
            sqlText(p.address),
            sqlText(p.emergencyContact),
            p.preferredChannel.isEmpty() ? QStringLiteral("phone") : p.preferredChannel,
            p.reminderConsent ? 1 : 0,
            p.fitzpatrick ? QVariant(*p.fitzpatrick) : QVariant(QMetaType::fromType<int>()),
            sqlText(p.allergies),
            sqlText(p.medications),
            sqlText(p.notes)};
}

// The columns an insert gives values for: patientColumns but id and archived, so fieldValues() then created_at and
// updated_at.
const QStringList &insertedColumns()
{
    static const QStringList columns = [] {
        QStringList all = QString::fromLatin1(patientColumns).split(QStringLiteral(", "));
        all.removeAll(QStringLiteral("id"));
        all.removeAll(QStringLiteral("archived"));
        return all;
    }();
    return columns;
}

// What is stored for `p` (trimmed names and contact fields), for audit comparisons.
Patient stored(Patient p)
{
    for (QString *text : {&p.givenName, &p.familyName, &p.preferredName, &p.phone, &p.phoneHome, &p.email})
        *text = text->trimmed();
    if (p.preferredChannel.isEmpty())
        p.preferredChannel = QStringLiteral("phone");
    return p;
}

// What a list shows of `p`.
PatientSummary summaryOf(const Patient &p)
{
    PatientSummary summary;
    summary.id = p.id;
    summary.givenName = p.givenName;
    summary.familyName = p.familyName;
    summary.preferredName = p.preferredName;
    summary.birthDate = p.birthDate;
    summary.phone = p.phone;
    summary.email = p.email;
    summary.archived = p.archived;
    return summary;
}

} // namespace

PatientRepository::PatientRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

QDate PatientRepository::clinicToday() const
{
    return m_clock.now().toTimeZone(ClinicRepository(m_database).timeZone()).date();
}

Status PatientRepository::validate(const Patient &patient, const QDate &today)
{
    return PatientFieldRules::check(patient, today);
}

Result<qint64> PatientRepository::add(const Patient &patient)
{
    auto ids = addAll({patient}, QStringLiteral("create"));
    if (!ids)
        return ids.error();
    return ids.value().first();
}

Result<QList<qint64>> PatientRepository::addAll(const QList<Patient> &patients, const QString &auditAction)
{
    const QDate today = clinicToday();
    for (const Patient &patient : patients) {
        if (Status valid = validate(patient, today); !valid)
            return valid.error();
    }
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    // The rows' values, inserted together: a server receives them in a few statements rather than one per patient.
    QVariantList values;
    values.reserve(patients.size() * insertedColumns().size());
    for (const Patient &patient : patients) {
        values.append(fieldValues(patient));
        values.append(now);
        values.append(now);
    }
    auto ids =
        m_database.engine().insertAll(QStringLiteral("patient"), insertedColumns(), values, tr("Saving the patient"));
    if (!ids)
        return ids.error();
    QList<AuditLog::Entry> entries;
    entries.reserve(patients.size());
    for (qsizetype i = 0; i < patients.size(); ++i) {
        Patient after = stored(patients.at(i));
        after.archived = false;
        entries.append({ids.value().at(i), {{QStringLiteral("after"), after.toJson()}}});
    }
    if (Status s = AuditLog(m_database, m_clock).recordAll(auditAction, QStringLiteral("patient"), entries); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return ids.value();
}

Result<Patient> PatientRepository::find(qint64 id) const
{
    Statement kept(m_database,
                   QStringLiteral("SELECT %1 FROM patient WHERE id = ?").arg(QLatin1String(patientColumns)));
    QSqlQuery &query = *kept;
    query.setForwardOnly(true);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Reading the patient"));
    if (!query.next())
        return Error::notFound(QStringLiteral("patient"), tr("There is no patient %1.").arg(id));
    return readPatient(query);
}

Status PatientRepository::update(const Patient &patient)
{
    if (Status valid = validate(patient, clinicToday()); !valid)
        return valid;
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto before = find(patient.id);
    if (!before)
        return before.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE patient SET given_name = ?, family_name = ?, preferred_name = ?, "
                                 "birth_date = ?, phone = ?, phone_home = ?, email = ?, address = ?, "
                                 "emergency_contact = ?, preferred_channel = ?, reminder_consent = ?, fitzpatrick = ?, "
                                 "allergies = ?, medications = ?, notes = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &value : fieldValues(patient))
        query.addBindValue(value);
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(patient.id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Saving the patient"));
    Patient after = stored(patient);
    after.archived = before.value().archived;
    if (Status s = AuditLog(m_database, m_clock)
                       .record(QStringLiteral("update"), QStringLiteral("patient"), patient.id,
                               changes(before.value(), after));
        !s)
        return s;
    return transaction.commit();
}

Status PatientRepository::setArchived(qint64 id, bool archived)
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    auto before = find(id);
    if (!before)
        return before.error();
    if (before.value().archived == archived)
        return transaction.commit();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE patient SET archived = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(archived ? 1 : 0);
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Archiving the patient"));
    if (Status s =
            AuditLog(m_database, m_clock)
                .record(archived ? QStringLiteral("archive") : QStringLiteral("restore"), QStringLiteral("patient"), id,
                        {{QStringLiteral("before"), QJsonObject{{QStringLiteral("archived"), !archived}}},
                         {QStringLiteral("after"), QJsonObject{{QStringLiteral("archived"), archived}}}});
        !s)
        return s;
    return transaction.commit();
}

Result<QList<PatientSummary>> PatientRepository::possibleDuplicates(const Patient &patient) const
{
    auto found = possibleDuplicatesOfAll({patient});
    if (!found)
        return found.error();
    return found.value().first();
}

Result<QList<QList<PatientSummary>>> PatientRepository::possibleDuplicatesOfAll(const QList<Patient> &patients) const
{
    const QString what = tr("Looking for the same patient");
    // The patients born on each birth date asked about, read a batch of dates at a time.
    QHash<QString, QList<Patient>> bornOn;
    QStringList dates;
    for (const Patient &patient : patients) {
        if (!patient.birthDate.isValid())
            continue;
        const QString date = patient.birthDate.toString(Qt::ISODate);
        if (!bornOn.contains(date)) {
            bornOn.insert(date, {});
            dates.append(date);
        }
    }
    constexpr qsizetype batch = 500;
    for (qsizetype first = 0; first < dates.size(); first += batch) {
        const QStringList some = dates.mid(first, batch);
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM patient p WHERE p.birth_date IN (%2)")
                          .arg(QLatin1String(patientColumns),
                               QStringList(some.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
        for (const QString &date : some)
            query.addBindValue(date);
        if (!query.exec())
            return sqlError(query.lastError(), what);
        while (query.next()) {
            Patient candidate = readPatient(query);
            bornOn[candidate.birthDate.toString(Qt::ISODate)].append(candidate);
        }
    }
    // The distinct phone numbers asked about (digits only, at least six), and each patient's.
    QStringList numbers;
    QHash<QString, qsizetype> numberIndex;
    QList<QStringList> phonesOf;
    phonesOf.reserve(patients.size());
    for (const Patient &patient : patients) {
        QStringList phones;
        for (const QString &phone : {patient.phone, patient.phoneHome}) {
            const QString digits = TextFolding::digits(phone);
            if (digits.size() >= 6 && !phones.contains(digits))
                phones.append(digits);
        }
        for (const QString &digits : std::as_const(phones)) {
            if (!numberIndex.contains(digits)) {
                numberIndex.insert(digits, numbers.size());
                numbers.append(digits);
            }
        }
        phonesOf.append(phones);
    }
    auto withNumber = PatientSearchIndex(m_database).withPhoneDigitsOfAll(numbers);
    if (!withNumber)
        return withNumber.error();

    QList<QList<PatientSummary>> result;
    result.reserve(patients.size());
    for (qsizetype i = 0; i < patients.size(); ++i) {
        const Patient &patient = patients.at(i);
        QList<PatientSummary> found;
        if (patient.birthDate.isValid()) {
            const QString given = TextFolding::fold(patient.givenName);
            const QString family = TextFolding::fold(patient.familyName);
            for (const Patient &candidate : bornOn.value(patient.birthDate.toString(Qt::ISODate))) {
                if (candidate.id != patient.id && TextFolding::fold(candidate.givenName) == given
                    && TextFolding::fold(candidate.familyName) == family)
                    found.append(summaryOf(candidate));
            }
        }
        for (const QString &digits : phonesOf.at(i)) {
            for (const qint64 id : withNumber.value().at(numberIndex.value(digits))) {
                if (id == patient.id || std::any_of(found.cbegin(), found.cend(), [&](const PatientSummary &known) {
                        return known.id == id;
                    }))
                    continue;
                auto candidate = find(id);
                if (!candidate)
                    return candidate.error();
                found.append(summaryOf(candidate.value()));
            }
        }
        std::sort(found.begin(), found.end(), [](const PatientSummary &a, const PatientSummary &b) {
            return std::tie(a.familyName, a.givenName, a.id) < std::tie(b.familyName, b.givenName, b.id);
        });
        result.append(found);
    }
    return result;
}

Result<QList<PatientSummary>> PatientRepository::search(const QString &text, int limit) const
{
    return search(text, limit, SearchOptions());
}

Result<PatientRepository::SearchStatement> PatientRepository::searchStatement(const QString &text, int limit,
                                                                              const SearchOptions &options) const
{
    SearchStatement statement;
    auto rankedQuery = PatientSearchIndex(m_database).rankedQuery(text, limit, options.includeArchived, options.locale);
    if (!rankedQuery)
        return rankedQuery.error();
    const PatientSearchIndex::RankedQuery &ranked = rankedQuery.value();
    statement.matchesNothing = ranked.matchesNothing || limit <= 0;
    statement.sql = ranked.withClause
                    + QStringLiteral("SELECT %1 FROM ranked r JOIN patient p ON p.id = r.id "
                                     "ORDER BY r.archived, r.tier, r.sort_name, r.id")
                          .arg(QLatin1String(summaryColumns));
    statement.values = ranked.values;
    return statement;
}

Result<QList<PatientSummary>> PatientRepository::search(const QString &text, int limit,
                                                        const SearchOptions &options) const
{
    QList<PatientSummary> found;
    auto prepared = searchStatement(text, limit, options);
    if (!prepared)
        return prepared.error();
    const SearchStatement &statement = prepared.value();
    if (statement.matchesNothing)
        return found;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(statement.sql);
    for (const QVariant &value : statement.values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(query.lastError(), tr("Searching for patients"));
    while (query.next())
        found.append(summaryOf(readPatient(query)));
    return found;
}

} // namespace dermdesk
