#pragma once

#include "WriteScope.h"
#include "common/Result.h"

namespace dermdesk {

class Database;

// RAII write transaction: begin() asks the storage engine to begin a write transaction (StorageEngine::beginWrite;
// on SQLite BEGIN IMMEDIATE, taking the write lock up front, so concurrent writers in WAL mode wait for each
// other instead of failing mid-way); the destructor rolls back unless commit() succeeded. Either all of an operation
// lands or none. begin() first asks Database::writable(): a database opened read-only or found damaged refuses
// every change here, and one whose background integrity check is still running holds it until the check has passed.
// `scope` says what the transaction changes (WriteScope): on a server, writers of different rows work at once.
// A successful commit() tells the Database (Database::notifyCommitted), so the clinic session can announce what
// changed.
class Transaction
{
public:
    explicit Transaction(const Database &database, WriteScope scope = WriteScope());
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status begin();
    Status commit();
    void rollback();

    [[nodiscard]] bool isActive() const { return m_active; }

private:
    const Database &m_database;
    WriteScope m_scope;
    bool m_active = false;
};

} // namespace dermdesk
