#include "ScriptedPrompter.h"
#include "TempDatabase.h"
#include "common/AppIdentity.h"
#include "session/ClinicSession.h"
#include "ui/shell/ClinicServerDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PasswordKeychain.h"
#include "ui/shell/RecentClinics.h"
#include "ui/shell/ServerPasswordDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QtTest>

using namespace dermdesk;
using ui::ClinicServerDialog;

namespace {

const QString password = QStringLiteral("s3cret-Pa55");
// How long a clinic server is given to answer when its address sets no connect_timeout (Database::open).
constexpr int connectTimeoutMs = 10000;

// Everything QSettings has written for this program, as it lies on disk.
QByteArray settingsFile()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void type(QWidget *field, const QString &text)
{
    if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        edit->clear();
        QTest::keyClicks(edit, text);
    } else if (auto *spin = qobject_cast<QSpinBox *>(field)) {
        spin->selectAll();
        QTest::keyClicks(spin, text);
    }
}

} // namespace

// File ▸ Open Clinic Server…: the form builds the libpq address, names the field at fault, tests the connection
// within its time-out without showing the password, and the recent-clinics list and the settings never hold it.
class TestClinicServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_current;
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<ui::MainWindow> m_window;

    // A main window on a fresh clinic file (m_current), asking m_prompter.
    bool openWindow()
    {
        m_current = std::make_unique<test::TempDatabase>();
        if (!m_current->isValid() || !m_current->seedMinimalClinic())
            return false;
        auto reopened = m_current->reopen();
        if (!reopened)
            return false;
        m_window = std::make_unique<ui::MainWindow>(m_prompter);
        m_window->setDatabase(std::move(reopened).value());
        return true;
    }

    template<typename T>
    static T *field(QWidget &dialog, const char *name)
    {
        return dialog.findChild<T *>(QLatin1String(name));
    }

    static void fill(ClinicServerDialog &dialog, const QString &host, const QString &port, const QString &database,
                     const QString &user, const QString &secret)
    {
        type(field<QLineEdit>(dialog, "host"), host);
        type(field<QSpinBox>(dialog, "port"), port);
        type(field<QLineEdit>(dialog, "database"), database);
        type(field<QLineEdit>(dialog, "user"), user);
        type(field<QLineEdit>(dialog, "password"), secret);
    }

private slots:
    void initTestCase()
    {
        setApplicationIdentity();
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_clinicserver"));
    }

    void init()
    {
        QSettings().clear();
        m_prompter = {};
    }

    void cleanup()
    {
        m_window.reset();
        m_current.reset();
    }

    void theFormBuildsTheAddress()
    {
        ClinicServerDialog dialog;
        QCOMPARE(field<QSpinBox>(dialog, "port")->value(), 5432);
        fill(dialog, QStringLiteral("clinic-server.local"), QStringLiteral("6543"), QStringLiteral("riverside"),
             QStringLiteral("frontdesk"), password);
        auto address = dialog.address();
        QVERIFY(address.ok());
        QCOMPARE(address.value().toUri(),
                 QStringLiteral("postgresql://frontdesk:%1@clinic-server.local:6543/riverside").arg(password));

        auto *sslMode = field<QComboBox>(dialog, "sslMode");
        QCOMPARE(sslMode->currentData().toString(), QStringLiteral("prefer"));
        sslMode->setCurrentIndex(sslMode->findData(QStringLiteral("verify-full")));
        address = dialog.address();
        QVERIFY(address.ok());
        QCOMPARE(address.value().display(), QStringLiteral("postgresql://frontdesk@clinic-server.local:6543/riverside"
                                                           "?sslmode=verify-full"));
        QCOMPARE(address.value().password(), password);
    }

    void aFilledInAddressComesBackAsItWas()
    {
        ClinicServerDialog dialog;
        const auto given = ServerAddress::parse(
            QStringLiteral("postgresql://frontdesk@db.example:5433/clinic?sslmode=require&application_name=desk2"));
        QVERIFY(given.ok());
        dialog.setAddress(given.value());
        QCOMPARE(field<QLineEdit>(dialog, "host")->text(), QStringLiteral("db.example"));
        QCOMPARE(field<QComboBox>(dialog, "sslMode")->currentData().toString(), QStringLiteral("require"));
        QCOMPARE(dialog.address().value().display(),
                 QStringLiteral(
                     "postgresql://frontdesk@db.example:5433/clinic?sslmode=require&application_name=desk2"));
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no host") << QString() << QStringLiteral("clinic") << QStringLiteral("desk")
                                 << QStringLiteral("Host: ");
        QTest::newRow("host with a space") << QStringLiteral("clinic server") << QStringLiteral("clinic")
                                           << QStringLiteral("desk") << QStringLiteral("Host: ");
        QTest::newRow("no database") << QStringLiteral("clinic-server") << QString() << QStringLiteral("desk")
                                     << QStringLiteral("Database: ");
        QTest::newRow("no user") << QStringLiteral("clinic-server") << QStringLiteral("clinic") << QString()
                                 << QStringLiteral("User: ");
    }

    void errorsNameTheField()
    {
        QFETCH(QString, host);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        ClinicServerDialog dialog;
        fill(dialog, host, QStringLiteral("5432"), database, user, password);
        for (const char *button : {"openButton", "testConnection"}) {
            QTest::mouseClick(field<QPushButton>(dialog, button), Qt::LeftButton);
            QVERIFY2(dialog.statusText().startsWith(expected), qPrintable(dialog.statusText()));
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(!dialog.isTesting());
        }
    }

    void testConnectionReportsAnUnreachableServerWithinItsTimeout()
    {
        ClinicServerDialog dialog;
        dialog.show();
        fill(dialog, QStringLiteral("127.0.0.1"), QStringLiteral("1"), QStringLiteral("clinic"),
             QStringLiteral("nobody"), password);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(field<QPushButton>(dialog, "testConnection"), Qt::LeftButton);
        QVERIFY(dialog.statusText().contains(QLatin1String("Connecting to 127.0.0.1")));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting() && !dialog.statusText().startsWith(QLatin1String("Connecting")),
                                 connectTimeoutMs + 5000);
        QVERIFY(clock.elapsed() < connectTimeoutMs + 2000);
        QVERIFY2(dialog.statusText().contains(QLatin1String("127.0.0.1")), qPrintable(dialog.statusText()));
        QVERIFY2(!dialog.statusText().contains(password), qPrintable(dialog.statusText()));
        QVERIFY(!dialog.statusText().startsWith(QLatin1String("Connected")));
        QVERIFY(field<QPushButton>(dialog, "testConnection")->isEnabled());
    }

    void rememberingNeedsAKeychain()
    {
        ClinicServerDialog dialog;
        auto *remember = field<QCheckBox>(dialog, "rememberPassword");
        QCOMPARE(remember->isEnabled(), ui::PasswordKeychain::available());
        if (!remember->isEnabled()) {
            QVERIFY2(remember->toolTip().contains(QLatin1String("keychain")), qPrintable(remember->toolTip()));
            remember->setChecked(true);
            fill(dialog, QStringLiteral("clinic-server"), QStringLiteral("5432"), QStringLiteral("clinic"),
                 QStringLiteral("desk"), password);
            QVERIFY(!dialog.rememberPassword());
            QVERIFY(!ui::PasswordKeychain::write(QStringLiteral("postgresql://desk@clinic-server/clinic"), password));
        }
    }

    void thePasswordDialogSaysWhoAndWhy()
    {
        ui::ServerPasswordDialog dialog(QStringLiteral("frontdesk@clinic-server/riverside"),
                                        QStringLiteral("The server asks for a password."), false,
                                        QStringLiteral("No system keychain is running."));
        QCOMPARE(field<QLabel>(dialog, "login")->text(),
                 QStringLiteral("The clinic server's password for <b>frontdesk@clinic-server/riverside</b>"));
        QCOMPARE(field<QLabel>(dialog, "problem")->text(), QStringLiteral("The server asks for a password."));
        auto *connect = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!connect->isEnabled());
        QTest::keyClicks(field<QLineEdit>(dialog, "password"), password);
        QVERIFY(connect->isEnabled());
        QCOMPARE(dialog.password(), password);
        auto *remember = field<QCheckBox>(dialog, "rememberPassword");
        QVERIFY(!remember->isEnabled());
        QCOMPARE(remember->toolTip(), QStringLiteral("No system keychain is running."));
        QVERIFY(!dialog.remember());
    }

    void recentClinicsShowAServerWithoutItsPassword()
    {
        test::TempDatabase other;
        QVERIFY(other.isValid() && other.seedMinimalClinic());
        const QString otherPath = other.path();
        other.close();
        ui::RecentClinics::remember(otherPath);
        ui::RecentClinics::remember(
            QStringLiteral("postgresql://frontdesk:%1@clinic-server:5432/riverside?sslmode=require").arg(password));

        QVERIFY(openWindow());
        const test::TempDatabase &current = *m_current;
        const ui::MainWindow &window = *m_window;

        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentClinicsMenu"));
        QVERIFY(recent);
        emit recent->aboutToShow();
        QStringList shown;
        for (QAction *action : recent->actions())
            shown.append(action->text());
        QCOMPARE(shown,
                 (QStringList{QStringLiteral("&1 postgresql://frontdesk@clinic-server:5432/riverside?sslmode=require"),
                              QStringLiteral("&2 ") + QString(otherPath).replace(u'&', QLatin1String("&&"))}));
        // The clinic in use heads the list on disk, and nothing there holds the password.
        QCOMPARE(ui::RecentClinics::locations().first(), current.path());
        const QByteArray onDisk = settingsFile();
        QVERIFY(onDisk.contains("clinic-server"));
        QVERIFY(!onDisk.contains(password.toUtf8()));
    }

    void openClinicServerExplainsAFailureWithoutThePassword()
    {
        QVERIFY(openWindow());
        test::TempDatabase &current = *m_current;
        test::ScriptedPrompter &prompter = m_prompter;
        ui::MainWindow &window = *m_window;
        ui::RecentClinics::remember(QStringLiteral("postgresql://nobody@127.0.0.1:1/clinic"));

        const QString address =
            QStringLiteral("postgresql://nobody:%1@127.0.0.1:1/clinic?connect_timeout=2").arg(password);
        prompter.serverAnswers.append(ui::Prompter::ServerChoice{address, true});
        window.findChild<QAction *>(QStringLiteral("openClinicServerAction"))->trigger();

        // The form started from the server in use, else the last server opened; the failure names the server
        // without the password.
        QCOMPARE(prompter.serversSuggested,
                 QStringList{current.isOnServer() ? current.path()
                                                  : QStringLiteral("postgresql://nobody@127.0.0.1:1/clinic")});
        QCOMPARE(prompter.failures.size(), 1);
        QCOMPARE(prompter.failures.first().path,
                 QStringLiteral("postgresql://nobody@127.0.0.1:1/clinic?connect_timeout=2"));
        QVERIFY(prompter.failures.first().canKeepCurrent);
        QVERIFY2(!prompter.failures.first().error.message().contains(password),
                 qPrintable(prompter.failures.first().error.message()));
        QVERIFY(prompter.passwordsAsked.isEmpty());
        // The clinic in use stays open, and nothing of the password reached the settings.
        QVERIFY(window.session());
        QCOMPARE(window.session()->location(), current.path());
        QVERIFY(!settingsFile().contains(password.toUtf8()));
    }
};

QTEST_MAIN(TestClinicServer)
#include "tst_ui_clinicserver.moc"
