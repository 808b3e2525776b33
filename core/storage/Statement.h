#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>

namespace dermdesk {

class Database;

// The statements prepared on one connection, kept to run again with new values (see Statement). On a clinic server
// a statement prepared once runs in one round trip instead of three (prepare, run, free) and is not parsed again; a
// clinic file skips SQLite's compiling. Belongs to the connection's StorageEngine and its thread.
class StatementCache
{
public:
    StatementCache() = default;
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The kept query prepared with `sql` on `connection`, lent to one user at a time (giveBack() must follow); null
    // when it is lent already (a nested use of the same statement) or failed to prepare: then the caller prepares a
    // query of its own, whose lastError() says why, as a plain QSqlQuery's would.
    [[nodiscard]] QSqlQuery *borrow(const QSqlDatabase &connection, const QString &sql);
    // The kept query of `sql` is free again; its result is released (SQLite's read snapshot ends).
    void giveBack(const QString &sql);
    // Frees every kept statement: before the connection closes or is opened again (a server forgets its prepared
    // statements with the connection).
    void clear();

private:
    struct Entry
    {
        explicit Entry(const QSqlDatabase &connection)
            : query(connection)
        {
        }
        QSqlQuery query;
        bool lent = false;
    };
    // A connection keeps at most this many statements; the free ones are dropped when it is reached.
    static constexpr std::size_t capacity = 256;
    std::unordered_map<QString, std::unique_ptr<Entry>> m_entries;
};

// One statement of a repository, prepared on the database's connection and taken from its StatementCache while in
// scope: bind values and run it as a QSqlQuery (*statement, statement->). For statements whose text is fixed; SQL
// built from a varying number of values (IN lists) is better run as a plain QSqlQuery, which is not kept.
class Statement
{
public:
    Statement(const Database &database, const QString &sql);
    // For an engine's own statements on its connection.
    Statement(StatementCache &cache, const QSqlDatabase &connection, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    QSqlQuery &operator*() { return *m_query; }
    QSqlQuery *operator->() { return m_query; }
    const QSqlQuery &operator*() const { return *m_query; }
    const QSqlQuery *operator->() const { return m_query; }

private:
    StatementCache &m_cache;
    QString m_sql;
    // The kept query, or m_own.
    QSqlQuery *m_query = nullptr;
    std::optional<QSqlQuery> m_own;
};

} // namespace dermdesk
