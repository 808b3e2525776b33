#include "DamagedFile.h"
#include "FakeClock.h"
#include "ScheduleRows.h"
#include "ScriptedPrompter.h"
#include "TempDatabase.h"
#include "common/AppIdentity.h"
#include "session/ClinicSession.h"
#include "storage/Database.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/shell/ClinicOpener.h"
#include "ui/shell/DamageBanner.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QtTest>

using namespace dermdesk;
using test::newYork;
using ui::MainWindow;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// A clinic database with a damaged page opens in the desktop program read-only: the window says so
// (banner and title) and what to do, naming the newest backup; a change is refused with that message.
class TestDamagedClinic : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_appointment = 0;
    QString m_backup;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        setApplicationIdentity();
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_damagedclinic"));
    }

    void init()
    {
        QSettings().clear();
        m_prompter = {};
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid() && m_temp->seedMinimalClinic());
        Database &db = m_temp->database();
        m_appointment = test::insertAppointment(db, 1, newYork(2026, 11, 26, 9), 60, QStringLiteral("booked"));
        QVERIFY(m_appointment > 0);
        QVERIFY(test::addNumberedPatients(db, 100, 700));
        m_backup = m_temp->path() + QStringLiteral(".v8-20261120-080000.bak");
        QVERIFY(db.backupTo(m_backup));
        m_temp->close();
        QVERIFY(test::flipBitInTablePage(m_temp->path(), "patient") > 0);
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset();
    }

    void aDamagedFileOpensReadOnlyAndSaysWhatToDo()
    {
        auto database =
            ui::ClinicOpener(m_prompter, m_clock).open(m_temp->path(), nullptr, ui::ClinicOpener::Context::Startup);
        QVERIFY(database);
        QVERIFY(m_prompter.failures.isEmpty());
        m_window = std::make_unique<MainWindow>(m_prompter, m_clock);
        m_window->setSession(std::move(database));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        ui::DamageBanner *banner = m_window->damageBanner();
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("is damaged")), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QDir::toNativeSeparators(m_backup)), qPrintable(banner->text()));
        QVERIFY2(m_window->windowTitle().contains(QLatin1String("read-only")), qPrintable(m_window->windowTitle()));
        // The schedule still shows the day.
        ui::ScheduleArea *schedule = m_window->scheduleArea();
        QVERIFY(schedule);
        QCOMPARE(schedule->date(), QDate(2026, 11, 26));
    }

    void aChangeIsRefusedWithTheMessageAndNothingIsWritten()
    {
        const QByteArray before = fileBytes(m_temp->path());
        auto database =
            ui::ClinicOpener(m_prompter, m_clock).open(m_temp->path(), nullptr, ui::ClinicOpener::Context::Startup);
        QVERIFY(database);
        const QString message = database->database().damage().message();
        m_window = std::make_unique<MainWindow>(m_prompter, m_clock);
        m_window->setSession(std::move(database));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

        m_window->showAppointment(m_appointment, newYork(2026, 11, 26, 9));
        ui::ScheduleView *view = m_window->scheduleArea()->agendaView();
        QTRY_COMPARE(view->selectedAppointment(), m_appointment);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_C);
        QTRY_VERIFY2(m_window->scheduleArea()->messageText().contains(QLatin1String("is damaged")),
                     qPrintable(m_window->scheduleArea()->messageText()));
        QCOMPARE(m_window->scheduleArea()->messageText(), message);

        m_window.reset();
        QCOMPARE(fileBytes(m_temp->path()), before);
    }
};

QTEST_MAIN(TestDamagedClinic)
#include "tst_ui_damagedclinic.moc"
