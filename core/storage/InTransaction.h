#pragma once

#include "Transaction.h"
#include "common/Result.h"

#include <utility>

namespace dermdesk {

// Runs `body` (returning Result<T>) inside ONE write Transaction: committed when it succeeds, rolled back
// when it returns an error or the commit fails. The body's value, or the first error.
template<typename T, typename Body>
Result<T> inTransaction(const Database &database, WriteScope scope, Body &&body)
{
    Transaction transaction(database, std::move(scope));
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    Result<T> done = std::forward<Body>(body)();
    if (!done)
        return done;
    if (Status s = transaction.commit(); !s)
        return s.error();
    return done;
}

// The same for the whole clinic (WriteScope()).
template<typename T, typename Body>
Result<T> inTransaction(const Database &database, Body &&body)
{
    return inTransaction<T>(database, WriteScope(), std::forward<Body>(body));
}

} // namespace dermdesk
