#include "TextQuery.h"

namespace dermdesk {

TextQuery TextQuery::word(const QStringList &columns, const QString &text, Extent extent)
{
    TextQuery query;
    query.m_operation = Operation::Word;
    query.m_columns = columns;
    query.m_text = text;
    query.m_extent = extent;
    return query;
}

TextQuery TextQuery::allOf(const QList<TextQuery> &parts)
{
    return combined(Operation::AllOf, parts);
}

TextQuery TextQuery::anyOf(const QList<TextQuery> &parts)
{
    return combined(Operation::AnyOf, parts);
}

TextQuery TextQuery::combined(Operation operation, const QList<TextQuery> &parts)
{
    if (parts.size() == 1)
        return parts.constFirst();
    TextQuery query;
    query.m_operation = operation;
    query.m_parts = parts;
    return query;
}

TextQuery TextQuery::butNot(const TextQuery &excluded) const
{
    TextQuery query;
    query.m_operation = Operation::ButNot;
    query.m_parts = {*this, excluded};
    return query;
}

} // namespace dermdesk
