#pragma once

#include "common/Result.h"
#include "storage/ServerAddress.h"

#include <QString>

namespace dermdesk::test {

// Which engine this test run is for: DERMDESK_TEST_ENGINE, set by CTest ("postgresql" for the copies of the tests
// registered with ENGINES sqlite postgresql, see tests/CMakeLists.txt); SQLite when unset.
enum class TestEngine {
    Sqlite,
    PostgreSql,
};
[[nodiscard]] TestEngine testEngine();

// The test run's throwaway PostgreSQL cluster (tests/support/pgcluster.sh, started by the CTest fixture
// "postgresql"): its address comes from DERMDESK_TEST_SERVER, a ServerAddress URI of a superuser connected to the
// maintenance database. Databases are created and dropped through a QPSQL connection of its own per call, so any
// thread may use it.
namespace TestServer {

// The cluster's address; an Error saying what is wrong when DERMDESK_TEST_SERVER is unset or malformed.
[[nodiscard]] Result<ServerAddress> address();

// A database name no other test process or earlier call of this process uses: dermdesk_test_<pid>_<counter>.
[[nodiscard]] QString uniqueDatabaseName();

// Creates the empty database `name`, as a copy of `templateName` when one is given.
[[nodiscard]] Status createDatabase(const QString &name, const QString &templateName = QString());
// Drops `name` even while others are connected to it (their connections are ended); no error when it is missing.
[[nodiscard]] Status dropDatabase(const QString &name);
// Whether the database `name` exists.
[[nodiscard]] Result<bool> databaseExists(const QString &name);

// A database with DermDesk's current schema and no rows, for createDatabase(name, migratedTemplate()) to copy instead
// of migrating every new database. One per cluster and schema (named after a digest of the PostgreSQL schema scripts),
// made through Database::open by the first test process that asks while the others wait, and kept as a template that
// accepts no connections until the test cluster is thrown away.
[[nodiscard]] Result<QString> migratedTemplate();

} // namespace TestServer

} // namespace dermdesk::test
