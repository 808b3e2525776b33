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

} // namespace dermdesk
