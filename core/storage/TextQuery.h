#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dermdesk {

// A full-text condition on a text index, said without any engine's syntax: words looked for in named columns,
// combined with all-of, any-of and but-not. The storage engine turns it into its own query language
// (StorageEngine::textPattern): FTS5's MATCH syntax on SQLite.
//
// A word matches a document when one of the columns holds it, case and accents folded by the index: whole, or as
// the start of a word (Extent::WordStart: "mull" finds "Müller").
class TextQuery
{
public:
    enum class Operation {
        Word,
        AllOf,
        AnyOf,
        ButNot,
    };
    enum class Extent {
        WholeWord,
        WordStart,
    };

    // Matches no document (an AllOf of nothing); isEmpty() is true.
    TextQuery() = default;

    // `text` in any of `columns`. `text` is taken literally (quotes and operators included); it is one token as the
    // index splits words (a name word, a run of digits, an email address).
    [[nodiscard]] static TextQuery word(const QStringList &columns, const QString &text, Extent extent);
    // Documents matching every part; an AllOf of one part is that part.
    [[nodiscard]] static TextQuery allOf(const QList<TextQuery> &parts);
    // Documents matching at least one part; an AnyOf of one part is that part.
    [[nodiscard]] static TextQuery anyOf(const QList<TextQuery> &parts);
    // Documents matching this query and not `excluded`.
    [[nodiscard]] TextQuery butNot(const TextQuery &excluded) const;

    [[nodiscard]] Operation operation() const { return m_operation; }
    // True for a query with no word in it.
    [[nodiscard]] bool isEmpty() const { return m_operation != Operation::Word && m_parts.isEmpty(); }
    // A Word's columns, text and extent.
    [[nodiscard]] const QStringList &columns() const { return m_columns; }
    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] Extent extent() const { return m_extent; }
    // The parts combined: AllOf and AnyOf in order; ButNot holds the query kept, then the one excluded.
    [[nodiscard]] const QList<TextQuery> &parts() const { return m_parts; }

private:
    [[nodiscard]] static TextQuery combined(Operation operation, const QList<TextQuery> &parts);

    Operation m_operation = Operation::AllOf;
    QStringList m_columns;
    QString m_text;
    Extent m_extent = Extent::WholeWord;
    QList<TextQuery> m_parts;
};

} // namespace dermdesk
