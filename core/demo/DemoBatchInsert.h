#pragma once

#include "DemoStatement.h"

#include <memory>
#include <vector>

namespace dermdesk::demo {

// One table's rows on their way into the database: values are queued row by row and inserted
// up to `rowsPerStatement` rows at a time by one multi-row INSERT (prepared once for each batch
// size met), which saves SQLite most of its per-statement work. Every row still fires the
// table's triggers and foreign-key checks, in the order the rows were added.
//
// `parent` (optional, not owned) is the table this one refers to: its pending rows are flushed
// first. The connection must outlive the batch; use it on the connection's thread only.
class DemoBatchInsert
{
public:
    // `insertHead` is "INSERT INTO table (columns...) VALUES "; `columns` is how many there are.
    DemoBatchInsert(sqlite3 *connection, const char *insertHead, int columns, DemoBatchInsert *parent = nullptr);
    ~DemoBatchInsert();
    DemoBatchInsert(const DemoBatchInsert &) = delete;
    DemoBatchInsert &operator=(const DemoBatchInsert &) = delete;

    // The next value of the current row, in column order.
    DemoBatchInsert &add(qint64 value);
    DemoBatchInsert &add(int value) { return add(qint64(value)); }
    DemoBatchInsert &add(double value);
    // UTF-8 text; a null or empty array is '' (text columns are NOT NULL).
    DemoBatchInsert &add(const QByteArray &utf8);
    DemoBatchInsert &addNull();
    // `id` when it is positive, otherwise NULL.
    DemoBatchInsert &addId(qint64 id) { return id > 0 ? add(id) : addNull(); }

    // Ends the current row (which must have exactly `columns` values); inserts a full batch.
    Status endRow();
    // Inserts every queued row (the parent's first).
    Status flush();
    // Finalizes the prepared statements; queued rows are dropped.
    void release();

private:
    struct Value
    {
        enum Kind : quint8 {
            Integer,
            Real,
            Text,
            Null
        } kind = Null;
        qint64 integer = 0;
        double real = 0;
        QByteArray text;
    };

    DemoStatement &statementFor(int rows);

    sqlite3 *m_connection;
    QByteArray m_head;
    int m_columns;
    int m_rowsPerStatement;
    DemoBatchInsert *m_parent;
    std::vector<Value> m_values;
    // By number of rows - 1.
    std::vector<std::unique_ptr<DemoStatement>> m_statements;
};

} // namespace dermdesk::demo
