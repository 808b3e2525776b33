#include "PatientSearchIndex.h"

#include "TextFolding.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QSqlQuery>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientSearchIndex");

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

struct MatchTerms
{
    QStringList all;       // every word's term: the rows that match
    QStringList wholeName; // name words as whole name tokens: the first tier
    QStringList nameStart; // name words as name prefixes: the second tier
};

MatchTerms termsFor(const QString &text, const QLocale &locale)
{
    MatchTerms terms;
    const QString simplified = text.simplified();
    const QString digits = TextFolding::digits(simplified);
    // "(555) 123-4567" is one phone number however many spaces it holds.
    if (isPhoneText(simplified) && digits.size() >= 3 && !typedDate(simplified, locale).isValid()) {
        terms.all.append(QStringLiteral("phones : ") + quoted(digits) + QLatin1Char('*'));
        return terms;
    }
    const QStringList words = simplified.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (const QDate date = typedDate(word, locale); date.isValid()) {
            terms.all.append(QStringLiteral("birth : ") + quoted(date.toString(QStringLiteral("yyyyMMdd"))));
        } else if (word.contains(QLatin1Char('@'))) {
            if (hasLetterOrNumber(word))
                terms.all.append(QStringLiteral("email : ") + quoted(word) + QLatin1Char('*'));
        } else if (isPhoneText(word) && TextFolding::digits(word).size() >= 3) {
            terms.all.append(QStringLiteral("phones : ") + quoted(TextFolding::digits(word)) + QLatin1Char('*'));
        } else if (hasLetterOrNumber(word)) {
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
    // One FTS query per tier, each walked in rowid order (newest patient first) and stopped after `limit`
    // rows, so no search reads more than a few pages of the index whatever the number of matches.
    QStringList tiers{all};
    if (!terms.wholeName.isEmpty()) {
        const QString wholeName = terms.wholeName.join(QStringLiteral(" AND "));
        const QString nameStart = terms.nameStart.join(QStringLiteral(" AND "));
        tiers = {QStringLiteral("(%1) AND (%2)").arg(all, wholeName),
                 QStringLiteral("((%1) AND (%2)) NOT (%3)").arg(all, nameStart, wholeName),
                 QStringLiteral("(%1) NOT (%2)").arg(all, nameStart)};
    }
    QStringList selects;
    for (qsizetype tier = 0; tier < tiers.size(); ++tier) {
        selects.append(QStringLiteral("SELECT * FROM (SELECT s.rowid AS id, s.archived, %1 AS tier, s.sort_name "
                                      "FROM patient_search s WHERE patient_search MATCH ?%2 ORDER BY %3s.rowid DESC "
                                      "LIMIT ?)")
                           .arg(tier)
                           .arg(includeArchived ? QString() : QStringLiteral(" AND s.archived = 0"),
                                includeArchived ? QStringLiteral("s.archived, ") : QString()));
        query.values.append(tiers.at(tier));
        query.values.append(limit);
    }
    query.withClause = QStringLiteral("WITH ranked AS (SELECT * FROM (%1) ORDER BY archived, tier, id DESC LIMIT ?) ")
                           .arg(selects.join(QStringLiteral(" UNION ALL ")));
    query.values.append(limit);
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
