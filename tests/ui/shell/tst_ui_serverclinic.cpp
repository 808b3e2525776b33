#include "ScriptedPrompter.h"
#include "ServerSql.h"
#include "TestServer.h"
#include "common/AppIdentity.h"
#include "session/ClinicSession.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/shell/ClinicOpener.h"
#include "ui/shell/ClinicServerDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PasswordKeychain.h"
#include "ui/shell/RecentClinics.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

using namespace dermdesk;
using ui::ClinicServerDialog;

namespace {

const QString password = QStringLiteral("s3cret-Pa55");

QString quoted(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\'');
}

// The cluster's client authentication with `line` first (`adding`) or without it, written and reloaded through the
// server itself (the file belongs to the server's account). The lines are read into a table first: COPY empties its
// file before it runs its query.
bool changeHba(const ServerAddress &server, const QString &line, bool adding)
{
    const auto file = test::serverSql(server, {QStringLiteral("SHOW hba_file")});
    if (!file || file->isEmpty())
        return false;
    const QString read =
        QStringLiteral("CREATE TEMPORARY TABLE hba AS SELECT l, n FROM unnest(string_to_array("
                       "pg_read_file(current_setting('hba_file')), E'\\n')) WITH ORDINALITY AS t(l, n)");
    const QString lines = adding
                              ? QStringLiteral("SELECT %1 UNION ALL (SELECT l FROM hba ORDER BY n)").arg(quoted(line))
                              : QStringLiteral("SELECT l FROM hba WHERE l <> %1 ORDER BY n").arg(quoted(line));
    // COPY's text format writes each row as a line; a tab or a backslash would come out escaped, so there is none.
    return test::serverSql(
               server,
               {read,
                QStringLiteral(
                    "SELECT 1 / (count(*) = 0)::int FROM hba WHERE strpos(l, chr(9)) > 0 OR strpos(l, chr(92)) > 0"),
                QStringLiteral("COPY (%1) TO %2").arg(lines, quoted(*file)), QStringLiteral("SELECT pg_reload_conf()")})
        .has_value();
}

QByteArray settingsFile()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// A clinic on the test run's PostgreSQL cluster (DERMDESK_TEST_SERVER), opened as a receptionist would: File ▸ Open
// Clinic Server…, Test connection on the empty database (which writes nothing), Open, the first-run set-up, the
// schedule; the recent clinics and the settings then hold the server without its password. A server that wants a
// password has it asked for until it accepts one.
class TestServerClinic : public QObject
{
    Q_OBJECT

private:
    ServerAddress m_server;
    QStringList m_databases;

    ServerAddress newDatabase(const QString &owner = QString())
    {
        const QString name = test::TestServer::uniqueDatabaseName();
        const Status created = test::TestServer::createDatabase(name);
        if (!created)
            qWarning("%s", qPrintable(created.error().message()));
        m_databases.append(name);
        if (!owner.isEmpty())
            (void)test::serverSql(m_server, {QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(name, owner)});
        return m_server.withDatabase(name);
    }

    // Tests the connection of `dialog` and returns what the dialog then says.
    static QString tested(ClinicServerDialog &dialog)
    {
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnection")), Qt::LeftButton);
        if (!QTest::qWaitFor(
                [&dialog] {
                    return !dialog.isTesting() && !dialog.statusText().startsWith(QLatin1String("Connecting"));
                },
                30000))
            return {};
        return dialog.statusText();
    }

private slots:
    void initTestCase()
    {
        setApplicationIdentity();
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_serverclinic"));
        QSettings().clear();
        const auto server = test::TestServer::address();
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message()));
        m_server = server.value();
    }

    void cleanupTestCase()
    {
        for (const QString &name : m_databases)
            (void)test::TestServer::dropDatabase(name);
    }

    void aClinicOpensOnTheServerThroughTheDialog()
    {
        const ServerAddress clinic = newDatabase();
        ClinicServerDialog dialog;
        dialog.setAddress(clinic);
        dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
        dialog.show();
        QCOMPARE(tested(dialog), QStringLiteral("Empty database: DermDesk will set it up when you open it."));
        QCOMPARE(test::serverTableCount(clinic), 0);

        const auto address = dialog.address();
        QVERIFY(address.ok());
        test::ScriptedPrompter prompter;
        prompter.serverAnswers.append(ui::Prompter::ServerChoice{address.value().toUri(), false});
        prompter.settingsAnswers.append(
            test::ScriptedPrompter::clinic(QStringLiteral("Riverside Skin Clinic"), "America/New_York"));
        ui::MainWindow window(prompter);
        window.show();
        window.findChild<QAction *>(QStringLiteral("openClinicServerAction"))->trigger();

        QVERIFY2(prompter.failures.isEmpty(),
                 qPrintable(prompter.failures.isEmpty() ? QString() : prompter.failures.first().error.message()));
        QVERIFY(window.session());
        QCOMPARE(prompter.settingsAskedFor.size(), 1);
        QCOMPARE(window.clinicName(), QStringLiteral("Riverside Skin Clinic"));
        QVERIFY(window.scheduleArea());
        QTRY_VERIFY(window.scheduleArea()->agendaView()->isVisible());
        QCOMPARE(window.session()->location(), address.value().display());
        QVERIFY(test::serverTableCount(clinic) > 0);

        // Remembered by its address alone; nothing of the password in the settings.
        QCOMPARE(ui::RecentClinics::locations().first(), address.value().display());
        const QByteArray onDisk = settingsFile();
        QVERIFY(onDisk.contains(clinic.database().toUtf8()));
        QVERIFY(!onDisk.contains(password.toUtf8()));

        // Now the test finds the clinic by its name.
        QCOMPARE(tested(dialog), QStringLiteral("Connected to the clinic \u201cRiverside Skin Clinic\u201d."));
    }

    void aDatabaseOfAnotherProgramIsNamedAndLeftAlone()
    {
        const ServerAddress other = newDatabase();
        QVERIFY(test::serverSql(other, {QStringLiteral("CREATE TABLE invoices (id integer PRIMARY KEY)")}));
        ClinicServerDialog dialog;
        dialog.setAddress(other);
        dialog.show();
        const QString said = tested(dialog);
        QVERIFY2(said.contains(other.database()) && !said.startsWith(QLatin1String("Connected"))
                     && !said.startsWith(QLatin1String("Empty")),
                 qPrintable(said));
        QCOMPARE(test::serverTableCount(other), 1);
    }

    void aServerThatWantsAPasswordAsksUntilItAcceptsOne()
    {
        const QString role = QStringLiteral("desk_%1").arg(QCoreApplication::applicationPid());
        const QString rolePassword = QStringLiteral("Desk-pw-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(test::serverSql(m_server,
                                {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2").arg(role, quoted(rolePassword))}));
        const ServerAddress clinic = newDatabase(role);
        QVERIFY(clinic.host().startsWith(QLatin1Char('/')));
        const QString rule = QStringLiteral("local %1 %2 scram-sha-256").arg(clinic.database(), role);
        QVERIFY(changeHba(m_server, rule, true));
        const ServerAddress desk = ServerAddress::fromParts(clinic.host(), clinic.port(), clinic.database(), role);

        test::ScriptedPrompter prompter;
        prompter.passwordAnswers = {ui::Prompter::PasswordAnswer{QStringLiteral("not-it"), false},
                                    ui::Prompter::PasswordAnswer{rolePassword, true}};
        prompter.settingsAnswers.append(
            test::ScriptedPrompter::clinic(QStringLiteral("Password Clinic"), "Europe/Berlin"));
        auto session = ui::ClinicOpener(prompter).open(desk.toUri(), nullptr, ui::ClinicOpener::Context::Startup);
        QVERIFY(changeHba(m_server, rule, false));
        QVERIFY2(session,
                 qPrintable(prompter.failures.isEmpty() ? QString() : prompter.failures.first().error.message()));
        QCOMPARE(prompter.passwordsAsked.size(), 2);
        // The cluster listens on a socket folder: the prompt names it as a person reads it.
        QCOMPARE(prompter.passwordsAsked.at(0).login,
                 QStringLiteral("%1 on this computer (socket %2, port %3), database %4")
                     .arg(role, clinic.host())
                     .arg(clinic.port())
                     .arg(clinic.database()));
        QCOMPARE(prompter.passwordsAsked.at(0).problem, QStringLiteral("The server asks for a password."));
        QCOMPARE(prompter.passwordsAsked.at(1).problem,
                 QStringLiteral("The server refused that password. Check it and type it again."));
        QCOMPARE(prompter.passwordsAsked.at(1).canRemember, ui::PasswordKeychain::available());
        QCOMPARE(session->location(), desk.display());
        ui::MainWindow window(prompter);
        window.setSession(std::move(session));
        QCOMPARE(window.clinicName(), QStringLiteral("Password Clinic"));
        QVERIFY(!settingsFile().contains(rolePassword.toUtf8()));
        window.setSession(nullptr);
        QVERIFY(test::TestServer::dropDatabase(clinic.database()).ok());
        m_databases.removeAll(clinic.database());
        QVERIFY(test::serverSql(m_server, {QStringLiteral("DROP ROLE %1").arg(role)}));
    }
};

QTEST_MAIN(TestServerClinic)
#include "tst_ui_serverclinic.moc"
