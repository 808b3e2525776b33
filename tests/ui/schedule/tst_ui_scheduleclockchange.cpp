#include "ClockChange.h"
#include "FakeClock.h"
#include "ScheduleMouse.h"
#include "ScriptedPrompter.h"
#include "calendar/BookingService.h"
#include "session/ClinicSession.h"
#include "ui/schedule/ScheduleArea.h"
#include "ui/schedule/ScheduleView.h"

#include <QDir>
#include <QSignalSpy>
#include <QtTest>

using namespace dermdesk;
using ui::ScheduleArea;
using ui::ScheduleView;

namespace {
// The clocks go back in New York at 02:00 EDT: 01:00-01:59 happen twice, first EDT (UTC-4), then EST (UTC-5).
const QDate fallBack(2026, 11, 1);

qint64 utc(int hour, int minute)
{
    return QDateTime(fallBack, QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}
} // namespace

// The day view on the night the clocks go back: the day's axis is its 24 wall-clock hours, so both readings
// of 01:30 share the 01:30 row; their appointments stand side by side, each its own block, and a drag keeps
// an appointment in the reading it is in. "Now" is the week before.
class TestScheduleClockChange : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 10, 25), QTime(14, 0), Qt::UTC)};
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<ScheduleArea> m_area;
    qint64 m_first = 0;  // Nurse Ana, 30-minute consultation from 01:30 EDT (05:30 UTC)
    qint64 m_second = 0; // Nurse Ana, 30-minute consultation from 01:30 EST (06:30 UTC)

    ScheduleView *view() const { return m_area->scheduleView(); }

    Appointment stored(qint64 id) const
    {
        return BookingService(m_temp->database(), m_clock).appointments().find(id).value();
    }

    int pixels(int minutes) const { return int(std::lround(minutes * view()->geometry()->minuteHeight())); }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::openAllDay(*m_temp, fallBack.dayOfWeek()));
        BookingService repository(m_temp->database(), m_clock);
        auto first = repository.book(test::bookingRequest(1, 2, 2, utc(5, 30)));
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message()));
        auto second = repository.book(test::bookingRequest(4, 2, 2, utc(6, 30)));
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message()));
        m_first = first.value().id;
        m_second = second.value().id;
        auto opened = m_temp->reopen();
        QVERIFY(opened);
        m_session = ClinicSession::adopt(std::move(opened).value(), m_clock);
        m_area = std::make_unique<ScheduleArea>(*m_session, m_prompter);
        m_area->resize(1400, 900);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
        m_area->setDate(fallBack);
        view()->scrollToMinute(0);
        view()->setFocus();
    }

    void cleanup()
    {
        m_area.reset();
        m_session.reset();
        m_temp.reset();
    }

    void bothReadingsStandSideBySide()
    {
        const QRect first = view()->appointmentRect(m_first);
        const QRect second = view()->appointmentRect(m_second);
        QVERIFY(!first.isEmpty());
        QVERIFY(!second.isEmpty());
        QCOMPARE(first.top(), second.top());
        QVERIFY2(first.left() != second.left() && first.intersected(second).width() <= 2,
                 "each reading has its own block");
        QVERIFY(first.height() >= pixels(30) - 2);
        const QString path =
            QDir(QStringLiteral(DERMDESK_BINARY_DIR)).filePath(QStringLiteral("schedule-repeated-hour.png"));
        QVERIFY(m_area->grab().save(path));
    }

    void aDragKeepsTheSecondReading()
    {
        const QRect before = view()->appointmentRect(m_second);
        test::ScheduleMouse{view()}.drag(before.center(), before.center() + QPoint(0, pixels(15)));
        // 01:45 EST, not 01:45 EDT (which would overlap the first one, 05:30-06:00 UTC).
        QTRY_COMPARE(stored(m_second).startsAt, utc(6, 45));
        QCOMPARE(stored(m_second).endsAt, utc(7, 15));
        QVERIFY2(m_area->messageText().isEmpty(), qPrintable(m_area->messageText()));
        QCOMPARE(stored(m_first).startsAt, utc(5, 30));
    }
};

QTEST_MAIN(TestScheduleClockChange)
#include "tst_ui_scheduleclockchange.moc"
