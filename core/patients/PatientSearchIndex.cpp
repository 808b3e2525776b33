#include "PatientSearchIndex.h"

#include "TextFolding.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QSqlQuery>

namespace dermdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dermdesk::PatientSearchIndex", text);
}

// `text` as an FTS5 string: double quotes doubled, the whole in double quotes.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool hasLetterOrNumber(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

// Characters people type inside phone numbers.
bool isPhoneText(const QString &text)
{
    static const QRegularExpression phone(QStringLiteral("^[0-9 ()+./-]+$"));
    return phone.match(text).hasMatch();
}

// A birth date typed as YYYY-MM-DD or in the locale's short format with a four-digit year.
QDate typedDate(const QString &word, const QLocale &locale)
{
    QDate date = QDate::fromString(word, Qt::ISODate);
    if (date.isValid())
        return date;
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QStringLiteral("yyyy")))
        format.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    date = locale.toDate(word, format);
    return date.isValid() && date.year() >= 1880 ? date : QDate();
}

// Above this many matches a search of single letters walks the name index instead of sorting.
constexpr qint64 broadMatches = 3000;

struct MatchTerms
{
    QStringList all;       // every word's term: the rows that match
    QStringList wholeName; // name words as whole name tokens: the first tier
    QStringList nameStart; // name words as name prefixes: the second tier
    // Every term is short (name words of one or two letters, fewer than 7 phone digits): thousands of
    // patients may match, so walking the name index beats sorting every match.
    bool broad = true;
};

MatchTerms termsFor(const QString &text, const QLocale &locale)
{
    MatchTerms terms;
    const QString simplified = text.simplified();
    const QString digits = TextFolding::digits(simplified);
    // "(555) 123-4567" is one phone number however many spaces it holds.
    if (isPhoneText(simplified) && digits.size() >= 3 && !typedDate(simplified, locale).isValid()) {
        terms.all.append(QStringLiteral("phones : ") + quoted(digits) + QLatin1Char('*'));
        terms.broad = digits.size() < 7;
        return terms;
    }
    const QStringList words = simplified.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (const QDate date = typedDate(word, locale); date.isValid()) {
            terms.all.append(QStringLiteral("birth : ") + quoted(date.toString(QStringLiteral("yyyyMMdd"))));
            terms.broad = false;
        } else if (word.contains(QLatin1Char('@'))) {
            terms.broad = false;
            if (hasLetterOrNumber(word))
                terms.all.append(QStringLiteral("email : ") + quoted(word) + QLatin1Char('*'));
        } else if (isPhoneText(word) && TextFolding::digits(word).size() >= 3) {
            terms.all.append(QStringLiteral("phones : ") + quoted(TextFolding::digits(word)) + QLatin1Char('*'));
            terms.broad = terms.broad && TextFolding::digits(word).size() < 7;
        } else if (hasLetterOrNumber(word)) {
            terms.broad = terms.broad && word.size() == 1;
            terms.all.append(QStringLiteral("{names email} : ") + quoted(word) + QLatin1Char('*'));
            terms.wholeName.append(QStringLiteral("names : ") + quoted(word));
            terms.nameStart.append(QStringLiteral("names : ") + quoted(word) + QLatin1Char('*'));
        }
    }
    return terms;
}

} // namespace

PatientSearchIndex::PatientSearchIndex(const Database &database)
    : m_database(database)
{
}

Result<PatientSearchIndex::RankedQuery>
PatientSearchIndex::rankedQuery(const QString &text, int limit, bool includeArchived, const QLocale &locale) const
{
    RankedQuery query;
    if (text.trimmed().isEmpty()) {
        query.withClause = QStringLiteral("WITH ranked AS (SELECT p.id, p.archived, 0 AS tier, "
                                          "lower(p.family_name || ' ' || p.given_name) AS sort_name FROM patient p "
                                          "WHERE %1 ORDER BY p.archived, p.family_name, p.given_name, p.id LIMIT ?) ")
                               .arg(includeArchived ? QStringLiteral("1 = 1") : QStringLiteral("p.archived = 0"));
        query.values = {limit};
        return query;
    }
    const MatchTerms terms = termsFor(text, locale);
    if (terms.all.isEmpty()) {
        query.matchesNothing = true;
        return query;
    }
    const QString all = terms.all.join(QStringLiteral(" AND "));
    const QString wholeName = terms.wholeName.join(QStringLiteral(" AND "));
    const QString archived = includeArchived ? QString() : QStringLiteral(" AND s.archived = 0");
    if (terms.wholeName.isEmpty()) {
        // Phone, date or email only: no name to rank by; the first matches in id order, shown sorted by name.
        query.withClause = QStringLiteral("WITH ranked AS (SELECT s.rowid AS id, s.archived, 0 AS tier, s.sort_name "
                                          "FROM patient_search s WHERE patient_search MATCH ?%1 "
                                          "ORDER BY %2s.rowid LIMIT ?) ")
                               .arg(archived, includeArchived ? QStringLiteral("s.archived, ") : QString());
        query.values = {all, limit};
        return query;
    }
    bool broad = terms.broad && !includeArchived;
    if (broad) {
        QSqlQuery count(m_database.connection());
        count.setForwardOnly(true);
        count.prepare(QStringLiteral("SELECT count(*) FROM patient_search WHERE patient_search MATCH ?"));
        count.addBindValue(all);
        if (!count.exec() || !count.next())
            return sqlError(count.lastError(), tr("Searching for patients"));
        broad = count.value(0).toLongLong() > broadMatches;
    }
    if (broad) {
        // Thousands of matches: whole-name matches first (few), then the others in name order straight off the
        // patient name index, which stops after `limit` rows instead of sorting every match.
        const QString inIndex = QStringLiteral("(SELECT rowid FROM patient_search WHERE patient_search MATCH ?)");
        query.withClause =
            QStringLiteral("WITH ranked AS (SELECT * FROM ("
                           "SELECT * FROM (SELECT s.rowid AS id, s.archived, 0 AS tier, s.sort_name "
                           "FROM patient_search s WHERE patient_search MATCH ? AND s.archived = 0 "
                           "ORDER BY s.sort_name, s.rowid LIMIT ?) UNION ALL "
                           "SELECT * FROM (SELECT p.id, p.archived, 1 AS tier, lower(p.family_name || ' ' || "
                           "p.given_name) FROM patient p INDEXED BY patient_family_given WHERE p.id IN %1 AND "
                           "p.id NOT IN %1 AND p.archived = 0 ORDER BY p.family_name, p.given_name, p.id LIMIT ?)) "
                           "ORDER BY tier, sort_name, id LIMIT ?) ")
                .arg(inIndex);
        query.values = {QStringLiteral("(%1) AND (%2)").arg(all, wholeName), limit, all, wholeName, limit, limit};
        return query;
    }
    query.withClause =
        QStringLiteral("WITH ranked AS (SELECT s.rowid AS id, s.archived, CASE WHEN s.rowid IN (SELECT rowid FROM "
                       "patient_search WHERE patient_search MATCH ?) THEN 0 WHEN s.rowid IN (SELECT rowid FROM "
                       "patient_search WHERE patient_search MATCH ?) THEN 1 ELSE 2 END AS tier, s.sort_name "
                       "FROM patient_search s WHERE patient_search MATCH ?%1 "
                       "ORDER BY s.archived, tier, s.sort_name, s.rowid LIMIT ?) ")
            .arg(archived);
    query.values = {wholeName, terms.nameStart.join(QStringLiteral(" AND ")), all, limit};
    return query;
}

Result<QList<qint64>> PatientSearchIndex::withPhoneDigits(const QString &digits) const
{
    QList<qint64> ids;
    if (digits.isEmpty())
        return ids;
    QStringList alternatives{quoted(digits)};
    if (digits.size() > 10)
        alternatives.append(quoted(digits.right(10)));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT rowid FROM patient_search WHERE patient_search MATCH ? ORDER BY rowid"));
    query.addBindValue(QStringLiteral("phones : (%1)").arg(alternatives.join(QStringLiteral(" OR "))));
    if (!query.exec())
        return sqlError(query.lastError(), tr("Looking for patients with this phone number"));
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

Status PatientSearchIndex::rebuild() const
{
    Transaction transaction(m_database);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(m_database.connection());
    const QString what = tr("Rebuilding the patient search index");
    if (!query.exec(QStringLiteral("DELETE FROM patient_search")))
        return sqlError(query.lastError(), what);
    if (!query.exec(
            QStringLiteral("INSERT INTO patient_search (rowid, names, phones, birth, email, sort_name, archived) "
                           "SELECT id, names, phones, birth, email, sort_name, archived "
                           "FROM patient_search_source")))
        return sqlError(query.lastError(), what);
    if (!query.exec(QStringLiteral("INSERT INTO patient_search (patient_search) VALUES ('optimize')")))
        return sqlError(query.lastError(), what);
    return transaction.commit();
}

} // namespace dermdesk
