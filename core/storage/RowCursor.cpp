#include "RowCursor.h"

#include "Database.h"
#include "SqlError.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

namespace dermdesk {

RowCursor::RowCursor(const Database &database, const char *sql)
    : m_database(database)
    , m_sql(sql)
{
}

RowCursor::~RowCursor()
{
    sqlite3_finalize(m_statement);
}

void RowCursor::bind(int index, qint64 value)
{
    if (m_bound.size() < index)
        m_bound.resize(index);
    m_bound[index - 1] = value;
}

Status RowCursor::exec(const QString &what)
{
    if (sqlite3 *handle = m_database.nativeHandle()) {
        if (sqlite3_prepare_v2(handle, m_sql, -1, &m_statement, nullptr) != SQLITE_OK) {
            m_status = Error::storage(QStringLiteral("sql"),
                                      QCoreApplication::translate("dermdesk::RowCursor", "%1 failed: %2")
                                          .arg(what, QString::fromUtf8(sqlite3_errmsg(handle))));
            return m_status;
        }
        for (int i = 0; i < m_bound.size(); ++i)
            sqlite3_bind_int64(m_statement, i + 1, m_bound.at(i));
        m_what = what;
        return {};
    }
    m_query.emplace(m_database, QString::fromUtf8(m_sql));
    (*m_query)->setForwardOnly(true);
    for (qint64 value : std::as_const(m_bound))
        (*m_query)->addBindValue(value);
    if (!(*m_query)->exec())
        m_status = sqlError((*m_query)->lastError(), what);
    return m_status;
}

bool RowCursor::next()
{
    if (!m_status)
        return false;
    if (m_query) {
        m_held.clear();
        return (*m_query)->next();
    }
    if (!m_statement)
        return false;
    const int step = sqlite3_step(m_statement);
    if (step == SQLITE_ROW)
        return true;
    if (step != SQLITE_DONE) {
        m_status = Error::storage(QStringLiteral("sql"),
                                  QCoreApplication::translate("dermdesk::RowCursor", "%1 failed: %2")
                                      .arg(m_what, QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)))));
    }
    return false;
}

bool RowCursor::isNull(int column) const
{
    if (m_query)
        return (*m_query)->value(column).isNull();
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 RowCursor::integer(int column) const
{
    if (m_query)
        return (*m_query)->value(column).toLongLong();
    return sqlite3_column_int64(m_statement, column);
}

QString RowCursor::text(int column) const
{
    if (m_query)
        return (*m_query)->value(column).toString();
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!utf8)
        return {};
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView RowCursor::utf8(int column) const
{
    if (m_query) {
        m_held.append((*m_query)->value(column).toString().toUtf8());
        return m_held.constLast();
    }
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return utf8 ? QByteArrayView(utf8, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
}

} // namespace dermdesk
