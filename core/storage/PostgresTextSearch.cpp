#include "PostgresTextSearch.h"

#include "StorageEngine.h"
#include "TextQuery.h"
#include "common/Translation.h"

#include <QSqlQuery>

#include <algorithm>

namespace dermdesk {

namespace {

constexpr TranslationContext tr("dermdesk::PostgresTextSearch");

// The index leaves out longer words (a lexeme has a size limit), so a query word this long finds nothing.
constexpr qsizetype longestWord = 255;
// The index also stores the first one, two and three letters of each word as the lexeme 'column.start*'.
constexpr qsizetype longestStoredStart = 3;

// A Latin letter, whose diacritics FTS5's remove_diacritics drops (other scripts keep theirs).
bool isLatinBase(uint c)
{
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0x00c0 && c <= 0x024f)
           || (c >= 0x1e00 && c <= 0x1eff);
}

bool isCombiningDiacritic(uint c)
{
    return c >= 0x0300 && c <= 0x036f;
}

// A lexeme as tsquery text: quoted, with quotes and backslashes escaped.
QString quoted(const QString &lexeme)
{
    QString escaped = lexeme;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// A lexeme no document holds (stored lexemes are 'column.word' with a non-empty word).
QString nothing()
{
    return quoted(QStringLiteral("."));
}

QString tsquery(const TextQuery &query)
{
    const auto part = [](const TextQuery &inner) { return QLatin1Char('(') + tsquery(inner) + QLatin1Char(')'); };
    switch (query.operation()) {
    case TextQuery::Operation::Word: {
        const QStringList tokens = PostgresTextSearch::words(query.text());
        const bool tooLong = std::any_of(tokens.cbegin(), tokens.cend(),
                                         [](const QString &token) { return token.size() > longestWord; });
        if (tokens.isEmpty() || tooLong || query.columns().isEmpty())
            return nothing();
        QStringList phrases;
        for (const QString &column : query.columns()) {
            QStringList lexemes;
            for (const QString &token : tokens)
                lexemes.append(quoted(column + QLatin1Char('.') + token));
            if (query.extent() == TextQuery::Extent::WordStart) {
                const QString &last = tokens.constLast();
                lexemes.last() = last.toUcs4().size() <= longestStoredStart
                                     ? quoted(column + QLatin1Char('.') + last + QLatin1Char('*'))
                                     : lexemes.last() + QStringLiteral(":*");
            }
            phrases.append(lexemes.join(QStringLiteral(" <-> ")));
        }
        if (phrases.size() == 1)
            return phrases.constFirst();
        return QLatin1Char('(') + phrases.join(QStringLiteral(") | (")) + QLatin1Char(')');
    }
    case TextQuery::Operation::AllOf:
    case TextQuery::Operation::AnyOf: {
        if (query.parts().isEmpty())
            return nothing();
        QStringList parts;
        for (const TextQuery &inner : query.parts())
            parts.append(part(inner));
        return parts.join(query.operation() == TextQuery::Operation::AllOf ? QStringLiteral(" & ")
                                                                           : QStringLiteral(" | "));
    }
    case TextQuery::Operation::ButNot:
        return part(query.parts().at(0)) + QStringLiteral(" & !") + part(query.parts().at(1));
    }
    return nothing();
}

} // namespace

QString PostgresTextSearch::textCondition(const QString &index, const QString &alias)
{
    Q_UNUSED(index)
    return alias + QStringLiteral(".terms @@ CAST(? AS tsquery)");
}

QVariant PostgresTextSearch::textPattern(const TextQuery &query)
{
    return tsquery(query);
}

QString PostgresTextSearch::textKey(const QString &alias)
{
    // An expression, not the bare column: a search ordered by it ("the newest 50 matches") then finds its matches
    // through the GIN index and sorts them. Ordered by the column itself, the planner walks the key index backwards
    // and tests every document until it has enough, which is quick for a word half the clinic shares but reads the
    // whole index for a rare one (its estimates for word starts and exclusions cannot tell the two apart).
    return QStringLiteral("(%1.id + 0)").arg(alias);
}

Status PostgresTextSearch::rebuildTextIndex(const StorageEngine &engine, const QSqlDatabase &connection,
                                            const QString &index, const QString &source, const QStringList &columns)
{
    QSqlQuery query(connection);
    const QString what = tr("Rebuilding the search index %1").arg(index);
    const QString listed = columns.join(QStringLiteral(", "));
    const QStringList statements = {
        QStringLiteral("DELETE FROM %1").arg(index),
        QStringLiteral("INSERT INTO %1 (id, %2) SELECT id, %2 FROM %3").arg(index, listed, source),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return engine.error(query.lastError(), what);
    }
    return {};
}

QStringList PostgresTextSearch::words(const QString &text)
{
    // As the schema's dermdesk_text_tokens(): decomposed, the diacritics of Latin letters dropped, composed again,
    // lower case, split at every character that is not a letter or a digit.
    const QList<uint> decomposed = text.normalized(QString::NormalizationForm_D).toUcs4();
    QList<uint> kept;
    kept.reserve(decomposed.size());
    bool afterLatin = false;
    for (const uint c : decomposed) {
        if (afterLatin && isCombiningDiacritic(c))
            continue;
        afterLatin = isLatinBase(c);
        kept.append(c);
    }
    const QList<uint> folded = QString::fromUcs4(reinterpret_cast<const char32_t *>(kept.constData()), kept.size())
                                   .normalized(QString::NormalizationForm_C)
                                   .toLower()
                                   .toUcs4();
    QStringList found;
    QList<uint> word;
    const auto close = [&found, &word] {
        if (!word.isEmpty())
            found.append(QString::fromUcs4(reinterpret_cast<const char32_t *>(word.constData()), word.size()));
        word.clear();
    };
    for (const uint c : folded) {
        if (QChar::isLetterOrNumber(char32_t(c)))
            word.append(c);
        else
            close();
    }
    close();
    return found;
}

} // namespace dermdesk
