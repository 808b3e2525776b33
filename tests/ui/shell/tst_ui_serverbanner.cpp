#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "ScriptedPrompter.h"
#include "ServerOutage.h"
#include "TempDatabase.h"
#include "common/AppIdentity.h"
#include "session/ClinicSession.h"
#include "ui/shell/ConnectionBanner.h"
#include "ui/shell/MainWindow.h"

#include <QPushButton>
#include <QSettings>
#include <QtTest>

using namespace dermdesk;
using ui::MainWindow;

// The main window on a clinic server that goes away: a strip says since when the server cannot be reached and that
// nothing is saved meanwhile, offers to try at once, and goes when the server answers again. PostgreSQL only.
class TestServerBanner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_clinic;
    std::unique_ptr<test::ServerOutage> m_outage;
    // 09:00 in New York, the clinic's zone.
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;

    ui::ConnectionBanner *banner() const { return m_window->connectionBanner(); }
    QPushButton *tryNow() const { return banner()->findChild<QPushButton *>(QStringLiteral("tryNowButton")); }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        setApplicationIdentity();
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_serverbanner"));
    }

    void init()
    {
        QSettings().clear();
        m_prompter = {};
        m_clinic = std::make_unique<test::TempDatabase>();
        QVERIFY(m_clinic->isValid());
        QVERIFY2(m_clinic->isOnServer(), "runs on the test run's PostgreSQL cluster only (DERMDESK_TEST_ENGINE)");
        QVERIFY(test::seedScheduleClinic(*m_clinic));
        m_outage = std::make_unique<test::ServerOutage>(*m_clinic);
        auto session = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message()));
        m_window = std::make_unique<MainWindow>(m_prompter, m_clock);
        m_window->setSession(std::move(session).value());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_outage.reset();
        m_clinic.reset();
    }

    void theStripShowsWhileTheServerIsAwayAndGoesWhenItAnswers()
    {
        QVERIFY(!banner()->isVisible());
        QVERIFY(m_outage->goAway());
        QTRY_VERIFY(banner()->isVisible());
        QCOMPARE(banner()->title(), QStringLiteral("The clinic server cannot be reached since 09:00."));
        QVERIFY2(banner()->text().contains(QLatin1String("nothing is saved meanwhile")), qPrintable(banner()->text()));

        // Trying at once while the server still refuses: the strip stays and says so.
        QVERIFY(tryNow());
        QTest::mouseClick(tryNow(), Qt::LeftButton);
        QVERIFY(banner()->isVisible());
        QVERIFY2(banner()->text().contains(QLatin1String("Tried at 09:00: no answer yet")),
                 qPrintable(banner()->text()));

        QVERIFY(m_outage->allowConnections(true));
        QTest::mouseClick(tryNow(), Qt::LeftButton);
        QTRY_VERIFY(!banner()->isVisible());
        QVERIFY(m_window->session()->isConnected());
    }

    void theSessionReconnectsByItselfAndTheStripGoes()
    {
        QVERIFY(m_outage->dropOtherConnections());
        QTRY_VERIFY(banner()->isVisible());
        // The server answers: the session's own attempt brings it back.
        QTRY_VERIFY_WITH_TIMEOUT(!banner()->isVisible(), 10000);
        QVERIFY(m_window->session()->isConnected());
        QVERIFY(banner()->text().isEmpty());
    }
};

QTEST_MAIN(TestServerBanner)
#include "tst_ui_serverbanner.moc"
