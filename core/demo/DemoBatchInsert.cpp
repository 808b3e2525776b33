#include "DemoBatchInsert.h"

#include <algorithm>

namespace dermdesk::demo {

namespace {

// Enough rows to spread SQLite's per-statement work thin, well within its limit on bound values.
constexpr int maxRowsPerStatement = 32;

} // namespace

DemoBatchInsert::DemoBatchInsert(sqlite3 *connection, const char *insertHead, int columns, DemoBatchInsert *parent)
    : m_connection(connection)
    , m_head(insertHead)
    , m_columns(columns)
    , m_rowsPerStatement(std::max(1, std::min(maxRowsPerStatement, 999 / columns)))
    , m_parent(parent)
    , m_statements(std::size_t(m_rowsPerStatement))
{
    m_values.reserve(std::size_t(m_rowsPerStatement) * std::size_t(m_columns));
}

DemoBatchInsert::~DemoBatchInsert() = default;

DemoBatchInsert &DemoBatchInsert::add(qint64 value)
{
    m_values.push_back({Value::Integer, value, 0, {}});
    return *this;
}

DemoBatchInsert &DemoBatchInsert::add(double value)
{
    m_values.push_back({Value::Real, 0, value, {}});
    return *this;
}

DemoBatchInsert &DemoBatchInsert::add(const QByteArray &utf8)
{
    m_values.push_back({Value::Text, 0, 0, utf8});
    return *this;
}

DemoBatchInsert &DemoBatchInsert::addNull()
{
    m_values.push_back({});
    return *this;
}

Status DemoBatchInsert::endRow()
{
    Q_ASSERT(m_values.size() % std::size_t(m_columns) == 0);
    return m_values.size() >= std::size_t(m_rowsPerStatement) * std::size_t(m_columns) ? flush() : Status();
}

DemoStatement &DemoBatchInsert::statementFor(int rows)
{
    auto &statement = m_statements[std::size_t(rows - 1)];
    if (!statement) {
        QByteArray row = "(?";
        row += QByteArray(", ?").repeated(m_columns - 1);
        row += ')';
        QByteArray sql = m_head;
        for (int r = 0; r < rows; ++r) {
            if (r > 0)
                sql += ", ";
            sql += row;
        }
        statement = std::make_unique<DemoStatement>(m_connection, sql.constData());
    }
    return *statement;
}

Status DemoBatchInsert::flush()
{
    if (m_values.empty())
        return {};
    if (m_parent) {
        if (Status landed = m_parent->flush(); !landed)
            return landed;
    }
    DemoStatement &statement = statementFor(int(m_values.size()) / m_columns);
    if (!statement.isValid())
        return statement.prepareError();
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const Value &value = m_values[i];
        const int index = int(i) + 1;
        switch (value.kind) {
        case Value::Integer:
            statement.bind(index, value.integer);
            break;
        case Value::Real:
            statement.bind(index, value.real);
            break;
        case Value::Text:
            statement.bind(index, value.text, false);
            break;
        case Value::Null:
            statement.bindNull(index);
            break;
        }
    }
    Status stepped = statement.step();
    m_values.clear();
    return stepped;
}

void DemoBatchInsert::release()
{
    for (auto &statement : m_statements)
        statement.reset();
}

} // namespace dermdesk::demo
