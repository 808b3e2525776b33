#include "PatientCsvImporter.h"

#include "CsvFormulaGuard.h"
#include "CsvReader.h"
#include "PatientFieldRules.h"
#include "PatientRepository.h"
#include "TextFolding.h"
#include "clinic/ClinicRepository.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientCsvImporter");

// Header spellings (folded, without spaces, '_' or '-') of each field.
const QHash<QString, QStringList> &synonyms()
{
    static const QHash<QString, QStringList> table{
        {QStringLiteral("given_name"),
         {QStringLiteral("givenname"), QStringLiteral("given"), QStringLiteral("firstname"), QStringLiteral("first"),
          QStringLiteral("forename")}},
        {QStringLiteral("family_name"),
         {QStringLiteral("familyname"), QStringLiteral("family"), QStringLiteral("lastname"), QStringLiteral("last"),
          QStringLiteral("surname")}},
        {QStringLiteral("preferred_name"),
         {QStringLiteral("preferredname"), QStringLiteral("preferred"), QStringLiteral("nickname")}},
        {QStringLiteral("birth_date"),
         {QStringLiteral("birthdate"), QStringLiteral("dateofbirth"), QStringLiteral("dob"), QStringLiteral("born"),
          QStringLiteral("birthday")}},
        {QStringLiteral("phone"),
         {QStringLiteral("phone"), QStringLiteral("mobile"), QStringLiteral("cell"), QStringLiteral("mobilephone"),
          QStringLiteral("cellphone")}},
        {QStringLiteral("phone_home"),
         {QStringLiteral("phonehome"), QStringLiteral("homephone"), QStringLiteral("home")}},
        {QStringLiteral("email"), {QStringLiteral("email"), QStringLiteral("emailaddress"), QStringLiteral("mail")}},
        {QStringLiteral("address"), {QStringLiteral("address"), QStringLiteral("postaladdress")}},
        {QStringLiteral("emergency_contact"), {QStringLiteral("emergencycontact"), QStringLiteral("emergency")}},
        {QStringLiteral("allergies"), {QStringLiteral("allergies"), QStringLiteral("allergy")}},
        {QStringLiteral("medications"),
         {QStringLiteral("medications"), QStringLiteral("medication"), QStringLiteral("medicines")}},
        {QStringLiteral("notes"), {QStringLiteral("notes"), QStringLiteral("note"), QStringLiteral("comments")}},
    };
    return table;
}

QString headerKey(const QString &name)
{
    QString key = TextFolding::fold(name);
    key.remove(QLatin1Char(' '));
    key.remove(QLatin1Char('_'));
    key.remove(QLatin1Char('-'));
    return key;
}

// Whether `field` holds one line (names, birth date, phones, e-mail, emergency contact): surrounding white space
// is dropped. Free text (address, allergies, medications, notes) is kept as it is.
bool isOneLine(const QString &field)
{
    if (field == QLatin1String("birth_date"))
        return true;
    const auto &rules = PatientFieldRules::textFields();
    return std::any_of(rules.cbegin(), rules.cend(), [&field](const PatientFieldRules::TextField &rule) {
        return rule.key == field && rule.lines == TextRules::Lines::One;
    });
}

void assign(Patient &patient, const QString &field, const QString &value)
{
    static const QHash<QString, QString Patient::*> members{
        {QStringLiteral("given_name"), &Patient::givenName},
        {QStringLiteral("family_name"), &Patient::familyName},
        {QStringLiteral("preferred_name"), &Patient::preferredName},
        {QStringLiteral("phone"), &Patient::phone},
        {QStringLiteral("phone_home"), &Patient::phoneHome},
        {QStringLiteral("email"), &Patient::email},
        {QStringLiteral("address"), &Patient::address},
        {QStringLiteral("emergency_contact"), &Patient::emergencyContact},
        {QStringLiteral("allergies"), &Patient::allergies},
        {QStringLiteral("medications"), &Patient::medications},
        {QStringLiteral("notes"), &Patient::notes},
    };
    if (const auto member = members.constFind(field); member != members.cend())
        patient.*(*member) = value;
}

// Keys that make two rows of the same file the same person (the rules possibleDuplicates() applies).
QStringList identityKeys(const Patient &p)
{
    QStringList keys;
    if (p.birthDate.isValid()) {
        keys.append(TextFolding::fold(p.givenName) + QLatin1Char('\n') + TextFolding::fold(p.familyName)
                    + QLatin1Char('\n') + p.birthDate.toString(Qt::ISODate));
    }
    for (const QString &phone : {p.phone, p.phoneHome}) {
        const QString digits = TextFolding::digits(phone);
        if (digits.size() >= 6)
            keys.append(QStringLiteral("phone\n") + digits.right(10));
    }
    return keys;
}

} // namespace

QStringList PatientCsvImporter::fields()
{
    return {QStringLiteral("given_name"), QStringLiteral("family_name"), QStringLiteral("preferred_name"),
            QStringLiteral("birth_date"), QStringLiteral("phone"),       QStringLiteral("phone_home"),
            QStringLiteral("email"),      QStringLiteral("address"),     QStringLiteral("emergency_contact"),
            QStringLiteral("allergies"),  QStringLiteral("medications"), QStringLiteral("notes")};
}

QHash<QString, int> PatientCsvImporter::guessMapping(const QStringList &header)
{
    QHash<QString, int> mapping;
    for (int column = 0; column < header.size(); ++column) {
        const QString key = headerKey(header.at(column));
        for (const QString &field : fields()) {
            if (!mapping.contains(field) && synonyms().value(field).contains(key)) {
                mapping.insert(field, column);
                break;
            }
        }
    }
    return mapping;
}

PatientCsvImporter::PatientCsvImporter(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<PatientCsvImporter::Report> PatientCsvImporter::import(const QByteArray &csv, Mode mode,
                                                              QHash<QString, int> mapping,
                                                              const std::function<void(int, int)> &progress)
{
    auto records = CsvReader::parse(csv);
    if (!records)
        return records.error();
    if (records.value().isEmpty())
        return Error::invalidInput(QStringLiteral("file"), tr("The file is empty: it needs a header row."));
    const CsvReader::Record header = records.value().takeFirst();
    if (mapping.isEmpty())
        mapping = guessMapping(header.fields);
    if (!mapping.contains(QStringLiteral("given_name")) || !mapping.contains(QStringLiteral("family_name"))) {
        return Error::invalidInput(QStringLiteral("mapping"),
                                   tr("mapping: no column gives the given and family names (header: %1).")
                                       .arg(header.fields.join(QStringLiteral(", "))));
    }

    Report report;
    report.mode = mode;
    report.rows = int(records.value().size());
    PatientRepository repository(m_database, m_clock);
    const QDate today = m_clock.now().toTimeZone(ClinicRepository(m_database).timeZone()).date();
    QList<Patient> valid;
    QHash<QString, int> seen; // identity key → line of the row that has it
    // The rows whose fields passed, by line.
    QList<int> checkedRows;
    QList<Patient> checkedPatients;
    int checked = 0;
    for (const CsvReader::Record &record : std::as_const(records.value())) {
        if (progress && ++checked % 100 == 0)
            progress(checked, report.rows);
        if (record.fields.size() != header.fields.size()) {
            report.errors.append(
                {record.line, QStringLiteral("row"),
                 tr("The row has %1 fields; the header has %2.").arg(record.fields.size()).arg(header.fields.size())});
            continue;
        }
        // The mapped cells, without the guards CsvFormulaGuard put before formula-like texts.
        QHash<QString, QString> cells;
        for (auto it = mapping.cbegin(); it != mapping.cend(); ++it) {
            if (it.value() < 0 || it.value() >= record.fields.size())
                continue;
            const QString value = CsvFormulaGuard::unguard(record.fields.at(it.value()));
            cells.insert(it.key(), isOneLine(it.key()) ? value.trimmed() : value);
        }
        // A field's problem names the column the field came from: "column 2 ("Surname"): family_name: ...".
        const auto fieldError = [&](const QString &field, const QString &message) {
            const int column = mapping.value(field, -1);
            if (column < 0 || column >= header.fields.size())
                return RowError{record.line, field, message};
            return RowError{
                record.line, field,
                tr("column %1 (\"%2\"): %3").arg(column + 1).arg(header.fields.at(column).left(40), message)};
        };
        Patient patient;
        for (auto it = cells.cbegin(); it != cells.cend(); ++it)
            assign(patient, it.key(), it.value());
        const QString birth = cells.value(QStringLiteral("birth_date"));
        if (!birth.isEmpty()) {
            patient.birthDate = QDate::fromString(birth, QStringLiteral("yyyy-MM-dd"));
            if (!patient.birthDate.isValid()) {
                report.errors.append(
                    fieldError(QStringLiteral("birth_date"),
                               tr("birth_date: \"%1\" is not a real date written YYYY-MM-DD").arg(birth.left(40))));
                continue;
            }
        }
        if (Status checked = PatientFieldRules::check(patient, today); !checked) {
            report.errors.append(fieldError(checked.error().field(), checked.error().message()));
            continue;
        }
        checkedRows.append(record.line);
        checkedPatients.append(patient);
    }
    // Rows that passed their own checks, against each other (the first of the same person stays) and against the
    // clinic's patients, looked up for all rows at once.
    auto existing = repository.possibleDuplicatesOfAll(checkedPatients);
    if (!existing)
        return existing.error();
    for (qsizetype i = 0; i < checkedPatients.size(); ++i) {
        const int line = checkedRows.at(i);
        const QStringList keys = identityKeys(checkedPatients.at(i));
        const auto earlier =
            std::find_if(keys.cbegin(), keys.cend(), [&seen](const QString &k) { return seen.contains(k); });
        if (earlier != keys.cend()) {
            report.errors.append({line, QStringLiteral("duplicate"),
                                  tr("duplicate: the same person as line %1").arg(seen.value(*earlier))});
            continue;
        }
        if (!existing.value().at(i).isEmpty()) {
            const PatientSummary &same = existing.value().at(i).first();
            report.errors.append({line, QStringLiteral("duplicate"),
                                  tr("duplicate: may be patient %1 (%2)").arg(same.id).arg(same.sortName())});
            continue;
        }
        for (const QString &key : keys)
            seen.insert(key, line);
        valid.append(checkedPatients.at(i));
    }
    // One problem per row, listed in the file's order.
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const RowError &a, const RowError &b) { return a.line < b.line; });
    if (progress)
        progress(report.rows, report.rows);
    report.valid = int(valid.size());
    const bool save = mode == Mode::SkipInvalid || (mode == Mode::AllOrNothing && report.errors.isEmpty());
    if (save && !valid.isEmpty()) {
        auto ids = repository.addAll(valid, QStringLiteral("import"));
        if (!ids)
            return ids.error();
        report.ids = ids.value();
    }
    return report;
}

} // namespace dermdesk
