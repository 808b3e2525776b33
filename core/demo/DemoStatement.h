#pragma once

#include "common/Result.h"

#include <QByteArray>

struct sqlite3;
struct sqlite3_stmt;

namespace dermdesk::demo {

// One prepared SQLite statement for the demo's bulk load, bound and stepped through the C API,
// which costs a fraction of QSqlQuery's per-value overhead when a million rows are written.
// Values are bound by 1-based index; step() runs the statement, resets it and returns a failure
// as an Error (overlap refusals by the triggers become Rule errors, as everywhere else).
//
// Owns its sqlite3_stmt (finalized by the destructor); the connection must outlive it.
class DemoStatement
{
public:
    DemoStatement(sqlite3 *connection, const char *sql);
    ~DemoStatement();
    DemoStatement(const DemoStatement &) = delete;
    DemoStatement &operator=(const DemoStatement &) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }
    // Why preparing failed, as an Error; only meaningful when !isValid().
    [[nodiscard]] Error prepareError() const;

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value);
    // UTF-8 text; a null or empty array binds '' (text columns are NOT NULL). SQLite copies the
    // text unless `copy` is false, in which case `utf8` must stay unchanged until step() returns.
    void bind(int index, const QByteArray &utf8, bool copy = true);
    void bindNull(int index);
    // `id` when it is positive, otherwise NULL.
    void bindId(int index, qint64 id);

    Status step();

private:
    sqlite3 *m_connection;
    sqlite3_stmt *m_statement = nullptr;
    QByteArray m_sql;
    int m_prepareCode = 0;
    QByteArray m_prepareMessage;
};

} // namespace dermdesk::demo
