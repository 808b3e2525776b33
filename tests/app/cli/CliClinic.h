#pragma once

#include "CliRun.h"
#include "TestServer.h"

#include <QtTest>

namespace dermdesk::test {

// A demo clinic that dermdesk-cli commands run on, on the engine of the test run (testEngine()):
// - SQLite: the file `dermdesk-cli demo` wrote;
// - PostgreSQL: a new database on the test cluster that `dermdesk-cli copy-clinic --to` filled from that file, as a
//   clinic moves to its server; it is dropped with the object.
// address() is what --database takes for it.
class CliClinic
{
public:
    CliClinic() = default;
    ~CliClinic()
    {
        if (!m_serverDatabase.isEmpty())
            (void)TestServer::dropDatabase(m_serverDatabase);
    }
    CliClinic(const CliClinic &) = delete;
    CliClinic &operator=(const CliClinic &) = delete;

    // Writes the demo clinic to `file` with `demoOptions` (e.g. --patients 40) and, on PostgreSQL, copies it to the
    // server. False, with a warning saying why, when either step fails.
    [[nodiscard]] bool create(const QString &file, const QStringList &demoOptions = {})
    {
        m_file = file;
        m_address = file;
        const CliRun demo =
            CliRun::run(QString(), QStringList{QStringLiteral("demo"), QStringLiteral("--output"), file} + demoOptions);
        if (demo.exitCode != 0) {
            qWarning("demo: %d %s", demo.exitCode, qPrintable(demo.err));
            return false;
        }
        if (testEngine() != TestEngine::PostgreSql)
            return true;
        const auto server = TestServer::address();
        if (!server) {
            qWarning("%s", qPrintable(server.error().message()));
            return false;
        }
        const QString name = TestServer::uniqueDatabaseName();
        if (const Status created = TestServer::createDatabase(name); !created) {
            qWarning("%s", qPrintable(created.error().message()));
            return false;
        }
        m_serverDatabase = name;
        m_address = server.value().withDatabase(name).toUri();
        const CliRun copied = CliRun::run(file, {QStringLiteral("copy-clinic"), QStringLiteral("--to"), m_address});
        if (copied.exitCode != 0) {
            qWarning("copy-clinic: %d %s", copied.exitCode, qPrintable(copied.err));
            return false;
        }
        return true;
    }

    // The clinic the commands run on: the file, or the server database's address.
    [[nodiscard]] QString address() const { return m_address; }
    // The demo file (on PostgreSQL, the copy's source).
    [[nodiscard]] QString file() const { return m_file; }
    [[nodiscard]] bool isOnServer() const { return !m_serverDatabase.isEmpty(); }

private:
    QString m_file;
    QString m_address;
    QString m_serverDatabase;
};

} // namespace dermdesk::test
