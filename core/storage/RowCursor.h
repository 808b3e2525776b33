#pragma once

#include "Statement.h"
#include "common/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>

struct sqlite3_stmt;

namespace dermdesk {

class Database;

// Steps one read-only SELECT and reads its columns by position, for the reads the front desk
// repeats on every keystroke or page (a week of the schedule). On SQLite it steps the statement
// through the C API and reads integers and UTF-8 text directly, with no QVariant per value; on
// another driver it runs the same SQL through QSqlQuery. Parameters are positional ('?'), bound
// 1-based as in SQLite. The Database must outlive the cursor; the cursor belongs to its thread.
class RowCursor
{
public:
    RowCursor(const Database &database, const char *sql);
    ~RowCursor();
    RowCursor(const RowCursor &) = delete;
    RowCursor &operator=(const RowCursor &) = delete;

    void bind(int index, qint64 value);
    // Prepares and runs the statement; `what` names the read in an error ("Reading the appointments").
    Status exec(const QString &what);
    // Moves to the next row; false after the last one (or after a failed step, see status()).
    [[nodiscard]] bool next();
    // The first error met while stepping, if any.
    [[nodiscard]] Status status() const { return m_status; }

    // Column values of the current row (0-based). NULL reads as 0 or a null QString.
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] QString text(int column) const;
    // The column's text as UTF-8 without copying it into a QString, for comparing codes; valid until the
    // next call to next().
    [[nodiscard]] QByteArrayView utf8(int column) const;

private:
    const Database &m_database;
    const char *m_sql;
    QString m_what;
    QList<qint64> m_bound;
    sqlite3_stmt *m_statement = nullptr;
    // On another driver: the statement, kept by the connection for the next cursor on the same SQL.
    std::optional<Statement> m_query;
    // What utf8() hands out on the QSqlQuery path, held until next().
    mutable QList<QByteArray> m_held;
    Status m_status;
};

} // namespace dermdesk
