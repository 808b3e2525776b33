#pragma once

#include "common/Error.h"

#include <QString>

namespace dermdesk {

// What is at a clinic location, found without creating, migrating or writing anything: the desk's "Test connection"
// before it opens a clinic server. The database is opened read-only (no set-up of an empty database, no
// migration), the clinic's name read, and the connection closed again.
struct ClinicProbe
{
    enum class Kind {
        // A DermDesk clinic; `clinicName` says which.
        Clinic,
        // A DermDesk database whose clinic is not set up yet.
        NotSetUp,
        // A database with nothing in it: opening it sets it up.
        EmptyDatabase,
        // The server wants a password, or refused the one given.
        Password,
        // Anything else (unreachable, not a DermDesk clinic, no btree_gist, newer schema, ...): `error` says it.
        Failed,
    };
    Kind kind = Kind::Failed;
    QString clinicName;
    Error error;

    // Looks at `location` (a clinic file or a server address) on the calling thread; may wait up to the server's
    // connect_timeout. Safe on a worker thread: the connection is its own and closed before returning.
    [[nodiscard]] static ClinicProbe of(const QString &location);
    // Whether the location can be opened (a clinic, one not set up yet, or an empty database to set up).
    [[nodiscard]] bool canOpen() const
    {
        return kind == Kind::Clinic || kind == Kind::NotSetUp || kind == Kind::EmptyDatabase;
    }
};

} // namespace dermdesk
