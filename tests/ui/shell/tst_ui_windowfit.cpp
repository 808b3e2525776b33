#include "DeskWindow.h"
#include "FrontDeskFixture.h"
#include "agenda/ScheduleModel.h"
#include "ui/frontdesk/FrontDesk.h"
#include "ui/frontdesk/PractitionerDayAgenda.h"
#include "ui/frontdesk/WaitlistPanel.h"
#include "ui/patientfile/PatientsArea.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/FittingLabel.h"

#include <QDockWidget>
#include <QGroupBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QTreeWidget>

using namespace dermdesk;
using ui::MainWindow;

// The main window on the desk's screen: the side panels take their room from the schedule instead of widening
// the window past the screen, the date title stays readable, the practitioner's panel goes away with Esc or its
// key, and the schedule opens on the clinic's opening hour.
class TestWindowFit : public QObject
{
    Q_OBJECT

private:
    test::FrontDeskFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;

    [[nodiscard]] ui::FrontDesk *desk() const { return m_window->frontDesk(); }
    [[nodiscard]] ui::ScheduleArea *schedule() const { return m_window->scheduleArea(); }

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        test::pressKey(m_window.get(), key, modifiers);
    }

    // Lets the layouts settle (their requests are posted events).
    static void settle()
    {
        for (int i = 0; i < 4; ++i) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
    }

    void open(QSize size)
    {
        m_window = test::openDeskWindow(m_fixture, size);
        QVERIFY(m_window);
        settle();
    }

private slots:
    void initTestCase() { test::FrontDeskFixture::initTestCase("tst_ui_windowfit"); }

    void init() { QVERIFY(m_fixture.init()); }

    void cleanup()
    {
        m_window.reset();
        m_fixture.close();
    }

    void panelsNeverWidenTheWindow_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1280x800") << QSize(1280, 800);
        // The window's first size on a 1280x800 screen (nine tenths of it).
        QTest::newRow("1152x720") << QSize(1152, 720);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
    }

    void panelsNeverWidenTheWindow()
    {
        QFETCH(QSize, screen);
        open(screen);
        QCOMPARE(m_window->width(), screen.width());
        schedule()->showNextDay();

        press(Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(desk()->waitlistDock()->isVisible());
        desk()->waitlist()->showAddForm();
        QTRY_VERIFY(desk()->waitlist()->addForm()->isVisible());
        press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(desk()->practitionerDayDock()->isVisible());
        settle();

        QVERIFY2(m_window->width() <= screen.width(), qPrintable(QString::number(m_window->width())));
        QVERIFY2(m_window->minimumSizeHint().width() <= screen.width(),
                 qPrintable(QString::number(m_window->minimumSizeHint().width())));
        QVERIFY2(m_window->minimumSizeHint().height() <= screen.height(),
                 qPrintable(QString::number(m_window->minimumSizeHint().height())));
        // The schedule keeps room for its columns; the panels keep room to be read.
        QVERIFY2(schedule()->scheduleView()->width() >= 400,
                 qPrintable(QString::number(schedule()->scheduleView()->width())));
        QVERIFY(desk()->waitlistDock()->width() >= 300);
        QVERIFY(desk()->practitionerDayDock()->width() >= 300);
        // The add form reads without scrolling sideways.
        auto *waitlistScroll = qobject_cast<QScrollArea *>(desk()->waitlistDock()->widget());
        QVERIFY(waitlistScroll);
        QVERIFY2(waitlistScroll->viewport()->width() >= desk()->waitlist()->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(waitlistScroll->viewport()->width())
                                .arg(desk()->waitlist()->minimumSizeHint().width())));
        // The date title says a whole date, never a stump of a word.
        auto *title = schedule()->findChild<ui::FittingLabel *>(QStringLiteral("scheduleTitle"));
        QVERIFY(title);
        const QStringList whole = {QStringLiteral("Tomorrow, Friday, 27 November 2026"),
                                   QStringLiteral("Tomorrow, Fri 27 Nov 2026"), QStringLiteral("Tomorrow, Fri 27 Nov")};
        QVERIFY2(whole.contains(title->text()), qPrintable(title->text()));
        test::saveScreenshot(m_window.get(), QStringLiteral("window-%1x%2").arg(screen.width()).arg(screen.height()));
    }

    void noAreaMakesTheWindowTallerOrWider()
    {
        open(QSize(1280, 720));
        press(Qt::Key_2, Qt::ControlModifier);
        QTRY_VERIFY(m_window->patientsArea());
        m_window->openPatient(1);
        QTRY_VERIFY(m_window->patientsArea()->isPageShown());
        press(Qt::Key_3, Qt::ControlModifier);
        QTRY_VERIFY(m_window->plansArea());
        press(Qt::Key_4, Qt::ControlModifier);
        QTRY_VERIFY(m_window->educationArea());
        press(Qt::Key_2, Qt::ControlModifier);
        settle();
        QCOMPARE(m_window->size(), QSize(1280, 720));
        QVERIFY2(m_window->minimumSizeHint().height() <= 720,
                 qPrintable(QString::number(m_window->minimumSizeHint().height())));
        test::saveScreenshot(m_window.get(), QStringLiteral("patient-1280x720"));
    }

    void escapeOrItsKeyClosesThePractitionersDay()
    {
        open(QSize(1280, 800));
        press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(desk()->practitionerDayDock()->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), desk()->practitionerDay()->view());
        press(Qt::Key_Escape);
        QTRY_VERIFY(!desk()->practitionerDayDock()->isVisible());
        QCOMPARE(QApplication::focusWidget(), schedule()->scheduleView());

        press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(desk()->practitionerDayDock()->isVisible());
        press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!desk()->practitionerDayDock()->isVisible());
    }

    void theScheduleOpensAtTheOpeningHour()
    {
        open(QSize(1280, 800));
        const ui::ScheduleView *view = schedule()->scheduleView();
        QVERIFY(view->geometry());
        // The clinic opens at 08:00: the first row in sight is the half hour before, so the opening shows.
        const int topMinute = int(view->verticalScrollBar()->value() / view->geometry()->minuteHeight());
        QVERIFY2(topMinute >= 7 * 60 + 30 && topMinute <= 8 * 60, qPrintable(QString::number(topMinute)));
    }

    void aClosedDayOpensAtTheClinicsOpeningHourToo()
    {
        // The clinic opens at 10:00 from Monday to Saturday; today is Sunday, when it is closed.
        QVERIFY(test::runAll(m_fixture.database(), {QStringLiteral("UPDATE opening_hours SET opens_min = 600")}));
        m_fixture.clock.set(QDateTime(QDate(2026, 11, 29), QTime(15, 0), Qt::UTC));
        open(QSize(1280, 800));
        QCOMPARE(schedule()->date(), QDate(2026, 11, 29));
        const ui::ScheduleView *view = schedule()->scheduleView();
        const int topMinute = int(view->verticalScrollBar()->value() / view->geometry()->minuteHeight());
        QVERIFY2(topMinute >= 9 * 60 + 30 && topMinute <= 10 * 60, qPrintable(QString::number(topMinute)));
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_ui_windowfit.moc"
