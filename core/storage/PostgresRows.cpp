#include "PostgresRows.h"

#include <cmath>

namespace dermdesk::PostgresRows {

namespace {

void appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (byte < 0x20) {
            out.append("\\u00");
            out.append(hex[byte >> 4]);
            out.append(hex[byte & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void appendValue(QByteArray &out, const QVariant &value)
{
    if (value.isNull()) {
        out.append("null");
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        out.append(value.toBool() ? '1' : '0');
        return;
    case QMetaType::Short:
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
        out.append(QByteArray::number(value.toLongLong()));
        return;
    case QMetaType::UShort:
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        out.append(QByteArray::number(value.toULongLong()));
        return;
    case QMetaType::Float:
    case QMetaType::Double: {
        const double number = value.toDouble();
        if (std::isnan(number))
            out.append("\"NaN\"");
        else if (std::isinf(number))
            out.append(number > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        else
            out.append(QByteArray::number(number, 'g', 17));
        return;
    }
    case QMetaType::QByteArray:
        out.append("\"\\\\x");
        out.append(value.toByteArray().toHex());
        out.append('"');
        return;
    default:
        appendString(out, value.toString());
        return;
    }
}

} // namespace

QByteArray json(const QStringList &columns, const QVariantList &values)
{
    QList<QByteArray> keys;
    for (const QString &column : columns) {
        QByteArray key;
        appendString(key, column);
        key.append(':');
        keys.append(key);
    }
    QByteArray out;
    out.reserve(values.size() * 16 + 2);
    out.append('[');
    const qsizetype width = columns.size();
    for (qsizetype at = 0; at < values.size(); ++at) {
        const qsizetype column = at % width;
        if (column == 0)
            out.append(at == 0 ? "{" : ",{");
        else
            out.append(',');
        out.append(keys.at(column));
        appendValue(out, values.at(at));
        if (column == width - 1)
            out.append('}');
    }
    out.append(']');
    return out;
}

} // namespace dermdesk::PostgresRows
