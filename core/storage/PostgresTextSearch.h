#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

class QSqlDatabase;

namespace dermdesk {

class StorageEngine;
class TextQuery;

// PostgreSQL's side of StorageEngine's full-text calls, which PostgresEngine forwards to.
//
// A text index on PostgreSQL is an ordinary table (resources/sql/postgresql/003 and 004): an `id` column (the key),
// text columns that store their words folded and split as SQLite's FTS5 unicode61 tokenizer with
// remove_diacritics 2 folds and splits them (the diacritics of Latin letters dropped, lower case, split at every
// character that is not a letter or a digit), and a `terms` tsvector under a GIN index holding each word as the
// lexeme 'column.word' at its position in its column, and its first one to three letters as 'column.wor*' (so a
// short word start is one lexeme the planner can count, not a scan of every word it starts). A query names its columns
// in its lexemes, so one condition serves words restricted to different columns, and a word of several tokens
// ("anna.mueller@example.com") is a phrase within one column, as in FTS5. The same search finds the same rows on both
// engines.
class PostgresTextSearch
{
public:
    // `alias`.terms @@ the bound tsquery; holds exactly one '?'.
    [[nodiscard]] static QString textCondition(const QString &index, const QString &alias);
    // `query` as tsquery text, every word quoted (user text never adds operators): a Word is the phrase of its
    // tokens (the last one a word start for WordStart: 'column.wor*' up to three letters, a :* prefix beyond) in
    // any of its columns, AllOf is &, AnyOf is |, ButNot is & !.
    // A query without a word, or a word without a letter or digit, matches no document.
    [[nodiscard]] static QVariant textPattern(const TextQuery &query);
    // `alias`.id as an expression ("(s.id + 0)"), so that ordering by it keeps the planner on the GIN index.
    [[nodiscard]] static QString textKey(const QString &alias);
    // Refills `index` from `source` (a view with `id` and `columns`) in the caller's transaction; the index's own
    // trigger folds the text as any writer's. Errors are mapped by `engine`.
    [[nodiscard]] static Status rebuildTextIndex(const StorageEngine &engine, const QSqlDatabase &connection,
                                                 const QString &index, const QString &source,
                                                 const QStringList &columns);

    // `text` as the index's words (dermdesk_text_tokens in the schema does the same on the server).
    [[nodiscard]] static QStringList words(const QString &text);
};

} // namespace dermdesk
