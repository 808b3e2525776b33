#include "DemoStatement.h"

#include "storage/SqlError.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

namespace dermdesk::demo {

namespace {

Error toError(int code, const char *message)
{
    const QString text = QString::fromUtf8(message);
    return sqlError(QSqlError(text, text, QSqlError::StatementError, QString::number(code)),
                    QCoreApplication::translate("dermdesk::DemoClinicGenerator", "Writing the demo clinic"));
}

} // namespace

DemoStatement::DemoStatement(sqlite3 *connection, const char *sql)
    : m_connection(connection)
    , m_sql(sql)
{
    if (!m_connection) {
        m_prepareCode = SQLITE_MISUSE;
        m_prepareMessage = "no SQLite connection";
        return;
    }
    m_prepareCode = sqlite3_prepare_v3(m_connection, m_sql.constData(), int(m_sql.size()), SQLITE_PREPARE_PERSISTENT,
                                       &m_statement, nullptr);
    if (m_prepareCode != SQLITE_OK) {
        m_prepareMessage = sqlite3_errmsg(m_connection);
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

DemoStatement::~DemoStatement()
{
    sqlite3_finalize(m_statement);
}

Error DemoStatement::prepareError() const
{
    return toError(m_prepareCode, m_prepareMessage.constData());
}

void DemoStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void DemoStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void DemoStatement::bind(int index, const QByteArray &utf8, bool copy)
{
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

void DemoStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void DemoStatement::bindId(int index, qint64 id)
{
    if (id > 0) {
        bind(index, id);
    } else {
        bindNull(index);
    }
}

Status DemoStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_DONE) {
        sqlite3_reset(m_statement);
        return {};
    }
    const int extended = sqlite3_extended_errcode(m_connection);
    const Error error = toError(extended, sqlite3_errmsg(m_connection));
    sqlite3_reset(m_statement);
    return error;
}

} // namespace dermdesk::demo
