#include "PatientSearchIndex.h"

#include "TextFolding.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SqlError.h"
#include "storage/TextQuery.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QSqlQuery>

#include <functional>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PatientSearchIndex");

// The text index of patients, one document per patient keyed by the patient's id (migration 003).
const QString searchIndex = QStringLiteral("patient_search");

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

// The index's text columns (patient_search_source in migration 003 fills them): names and email parts as words,
// phone numbers as digit runs, the birth date as YYYYMMDD.
const QString namesColumn = QStringLiteral("names");
const QString phonesColumn = QStringLiteral("phones");
const QString birthColumn = QStringLiteral("birth");
const QString emailColumn = QStringLiteral("email");

struct MatchTerms
{
    QList<TextQuery> all;       // every word's term: the rows that match
    QList<TextQuery> wholeName; // name words as whole name tokens: the first tier
    QList<TextQuery> nameStart; // name words as name prefixes: the second tier
};

MatchTerms termsFor(const QString &text, const QLocale &locale)
{
    using Extent = TextQuery::Extent;
    MatchTerms terms;
    const QString simplified = text.simplified();
    const QString digits = TextFolding::digits(simplified);
    // "(555) 123-4567" is one phone number however many spaces it holds.
    if (isPhoneText(simplified) && digits.size() >= 3 && !typedDate(simplified, locale).isValid()) {
        terms.all.append(TextQuery::word({phonesColumn}, digits, Extent::WordStart));
        return terms;
    }
    const QStringList words = simplified.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (const QDate date = typedDate(word, locale); date.isValid()) {
            terms.all.append(
                TextQuery::word({birthColumn}, date.toString(QStringLiteral("yyyyMMdd")), Extent::WholeWord));
        } else if (word.contains(QLatin1Char('@'))) {
            if (hasLetterOrNumber(word))
                terms.all.append(TextQuery::word({emailColumn}, word, Extent::WordStart));
        } else if (isPhoneText(word) && TextFolding::digits(word).size() >= 3) {
            terms.all.append(TextQuery::word({phonesColumn}, TextFolding::digits(word), Extent::WordStart));
        } else if (hasLetterOrNumber(word)) {
            terms.all.append(TextQuery::word({namesColumn, emailColumn}, word, Extent::WordStart));
            terms.wholeName.append(TextQuery::word({namesColumn}, word, Extent::WholeWord));
            terms.nameStart.append(TextQuery::word({namesColumn}, word, Extent::WordStart));
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
    const TextQuery all = TextQuery::allOf(terms.all);
    // One text query per tier, each walked in key order (newest patient first) and stopped after `limit` rows, so
    // no search reads more than a few pages of the index whatever the number of matches.
    QList<TextQuery> tiers{all};
    if (!terms.wholeName.isEmpty()) {
        const TextQuery wholeName = TextQuery::allOf(terms.wholeName);
        const TextQuery nameStart = TextQuery::allOf(terms.nameStart);
        tiers = {TextQuery::allOf({all, wholeName}), TextQuery::allOf({all, nameStart}).butNot(wholeName),
                 all.butNot(nameStart)};
    }
    const StorageEngine &engine = m_database.engine();
    const QString key = engine.textKey(QStringLiteral("s"));
    const QString matches = engine.textCondition(searchIndex, QStringLiteral("s"));
    QStringList selects;
    for (qsizetype tier = 0; tier < tiers.size(); ++tier) {
        // Every subquery is named: PostgreSQL requires it.
        selects.append(QStringLiteral("SELECT * FROM (SELECT %1 AS id, s.archived, %2 AS tier, s.sort_name "
                                      "FROM %3 s WHERE %4%5 ORDER BY %6%1 DESC LIMIT ?) AS tier%2")
                           .arg(key)
                           .arg(tier)
                           .arg(searchIndex, matches,
                                includeArchived ? QString() : QStringLiteral(" AND s.archived = 0"),
                                includeArchived ? QStringLiteral("s.archived, ") : QString()));
        query.values.append(engine.textPattern(tiers.at(tier)));
        query.values.append(limit);
    }
    query.withClause =
        QStringLiteral("WITH ranked AS (SELECT * FROM (%1) AS tiers ORDER BY archived, tier, id DESC LIMIT ?) ")
            .arg(selects.join(QStringLiteral(" UNION ALL ")));
    query.values.append(limit);
    return query;
}

Result<QList<qint64>> PatientSearchIndex::withPhoneDigits(const QString &digits) const
{
    return withAnyPhoneDigits({digits});
}

Result<QList<QList<qint64>>> PatientSearchIndex::withPhoneDigitsOfAll(const QStringList &numbers) const
{
    QList<QList<qint64>> found(numbers.size());
    // Numbers are asked in groups; a group that matches someone is asked again in halves, down to single numbers,
    // so each number gets its own patients while the numbers nobody has cost one statement per group.
    constexpr qsizetype group = 256;
    std::function<Status(qsizetype, qsizetype)> ask = [&](qsizetype first, qsizetype count) -> Status {
        auto ids = withAnyPhoneDigits(numbers.mid(first, count));
        if (!ids)
            return ids.error();
        if (ids.value().isEmpty())
            return {};
        if (count == 1) {
            found[first] = ids.value();
            return {};
        }
        const qsizetype half = count / 2;
        if (Status s = ask(first, half); !s)
            return s;
        return ask(first + half, count - half);
    };
    for (qsizetype first = 0; first < numbers.size(); first += group) {
        if (Status s = ask(first, std::min(group, numbers.size() - first)); !s)
            return s.error();
    }
    return found;
}

Result<QList<qint64>> PatientSearchIndex::withAnyPhoneDigits(const QStringList &numbers) const
{
    QList<qint64> ids;
    using Extent = TextQuery::Extent;
    QList<TextQuery> alternatives;
    for (const QString &digits : numbers) {
        if (digits.isEmpty())
            continue;
        alternatives.append(TextQuery::word({phonesColumn}, digits, Extent::WholeWord));
        if (digits.size() > 10)
            alternatives.append(TextQuery::word({phonesColumn}, digits.right(10), Extent::WholeWord));
    }
    if (alternatives.isEmpty())
        return ids;
    const StorageEngine &engine = m_database.engine();
    const QString key = engine.textKey(QStringLiteral("s"));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 s WHERE %3 ORDER BY %1")
                      .arg(key, searchIndex, engine.textCondition(searchIndex, QStringLiteral("s"))));
    query.addBindValue(engine.textPattern(TextQuery::anyOf(alternatives)));
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
    const QStringList columns{namesColumn,
                              phonesColumn,
                              birthColumn,
                              emailColumn,
                              QStringLiteral("sort_name"),
                              QStringLiteral("archived")};
    if (Status rebuilt =
            m_database.engine().rebuildTextIndex(searchIndex, QStringLiteral("patient_search_source"), columns);
        !rebuilt)
        return rebuilt;
    return transaction.commit();
}

} // namespace dermdesk
