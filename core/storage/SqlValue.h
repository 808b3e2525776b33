#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace dermdesk {

// Values to bind to prepared statements, spelled once. Qt binds a null QString as SQL NULL, which a
// `TEXT NOT NULL DEFAULT ''` column refuses: text always goes through sqlText().

// `text` as a bindable value; a null QString becomes the empty string.
[[nodiscard]] inline QVariant sqlText(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

// An optional id (a nullable foreign key) as a bindable value: NULL when empty.
[[nodiscard]] inline QVariant sqlId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

// Optional text as a bindable value: NULL when empty.
[[nodiscard]] inline QVariant sqlOptionalText(const std::optional<QString> &text)
{
    return text ? sqlText(*text) : QVariant(QMetaType::fromType<QString>());
}

// "?, ?, ?": `count` positional placeholders, for an IN list of bound values.
[[nodiscard]] inline QString sqlMarks(qsizetype count)
{
    QString marks;
    marks.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        marks += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return marks;
}

// The most values one IN list binds: a longer list is read in batches of this many, well inside SQLite's
// and PostgreSQL's limits on bound parameters.
constexpr qsizetype sqlListBatch = 500;

// Runs `read` (returning a Status) for each batch of at most sqlListBatch of `values`, in order, and stops at the
// first error.
template<typename Values, typename Read>
auto sqlInBatches(const Values &values, Read read) -> decltype(read(values))
{
    for (qsizetype from = 0; from < values.size(); from += sqlListBatch) {
        if (auto s = read(values.mid(from, sqlListBatch)); !s)
            return s;
    }
    return {};
}

} // namespace dermdesk
