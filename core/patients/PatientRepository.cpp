#include "PatientRepository.h"

#include "storage/Database.h"
#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace dermdesk {

namespace {

// A LIKE prefix pattern that lets through every name a word may begin: SQLite's LIKE folds
// only ASCII case, so each non-ASCII character becomes '_' and the exact test happens afterwards.
QString likePrefix(const QString &word)
{
    QString pattern;
    pattern.reserve(word.size() + 1);
    for (const QChar c : word) {
        if (c.unicode() >= 0x80)
            pattern += QLatin1Char('_');
        else if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            pattern += QLatin1Char('\\') + c;
        else
            pattern += c;
    }
    return pattern + QLatin1Char('%');
}

bool wordBeginsAName(const QString &word, const PatientSummary &patient)
{
    return patient.familyName.startsWith(word, Qt::CaseInsensitive)
           || patient.givenName.startsWith(word, Qt::CaseInsensitive)
           || patient.preferredName.startsWith(word, Qt::CaseInsensitive);
}

} // namespace

PatientRepository::PatientRepository(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<PatientSummary>> PatientRepository::search(const QString &text, int limit) const
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString where = QStringLiteral("p.archived = 0");
    for (qsizetype i = 0; i < words.size(); ++i)
        where += QStringLiteral(" AND (p.family_name LIKE ? ESCAPE '\\' OR p.given_name LIKE ? ESCAPE '\\' "
                                "OR p.preferred_name LIKE ? ESCAPE '\\')");

    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT p.id, p.given_name, p.family_name, p.preferred_name, p.birth_date, p.phone, p.email, "
                       "p.archived, (SELECT min(a.starts_at) FROM appointment a WHERE a.patient_id = p.id "
                       "AND a.starts_at >= ? AND a.status NOT IN ('cancelled', 'no_show')) "
                       "FROM patient p WHERE %1 ORDER BY p.family_name, p.given_name, p.id")
            .arg(where));
    query.addBindValue(m_clock.now().toSecsSinceEpoch());
    for (const QString &word : words) {
        const QString pattern = likePrefix(word);
        query.addBindValue(pattern);
        query.addBindValue(pattern);
        query.addBindValue(pattern);
    }
    if (!query.exec())
        return sqlError(query.lastError(),
                        QCoreApplication::translate("dermdesk::PatientRepository", "Searching for patients"));

    QList<PatientSummary> found;
    while (found.size() < limit && query.next()) {
        PatientSummary patient;
        patient.id = query.value(0).toLongLong();
        patient.givenName = query.value(1).toString();
        patient.familyName = query.value(2).toString();
        patient.preferredName = query.value(3).toString();
        patient.birthDate = QDate::fromString(query.value(4).toString(), Qt::ISODate);
        patient.phone = query.value(5).toString();
        patient.email = query.value(6).toString();
        patient.archived = query.value(7).toBool();
        if (!query.value(8).isNull())
            patient.nextVisitAt = query.value(8).toLongLong();
        bool matches = true;
        for (const QString &word : words)
            matches = matches && wordBeginsAName(word, patient);
        if (matches)
            found.append(patient);
    }
    return found;
}

} // namespace dermdesk
