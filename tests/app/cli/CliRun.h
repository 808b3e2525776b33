#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace dermdesk::test {

// One run of dermdesk-cli (DERMDESK_CLI_PATH, set by the test's CMake target) as a script would run it.
struct CliRun
{
    // -1 when it crashed or did not finish within 30 seconds.
    int exitCode = -1;
    QString out;
    QString err;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }

    // Runs `arguments` on the clinic database at `databasePath`.
    [[nodiscard]] static CliRun run(const QString &databasePath, QStringList arguments)
    {
        arguments.prepend(databasePath);
        arguments.prepend(QStringLiteral("--database"));
        return start(arguments, QProcessEnvironment::systemEnvironment());
    }

    // Runs `arguments` as they are, with DERMDESK_DATABASE set to `variable` (unset when it is null).
    [[nodiscard]] static CliRun withDatabaseVariable(const QStringList &arguments, const QString &variable)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DERMDESK_DATABASE"));
        if (!variable.isNull())
            environment.insert(QStringLiteral("DERMDESK_DATABASE"), variable);
        return start(arguments, environment);
    }

private:
    [[nodiscard]] static CliRun start(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DERMDESK_CLI_PATH), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }
};

} // namespace dermdesk::test
