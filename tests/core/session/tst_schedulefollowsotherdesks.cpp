#include "CliRun.h"
#include "ScheduleClinic.h"
#include "TempDatabase.h"
#include "agenda/ScheduleModel.h"
#include "calendar/BookingService.h"
#include "session/ClinicSession.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

using namespace dermdesk;
using namespace dermdesk::test;

// A desk's schedule follows what other desks and dermdesk-cli commit to the same clinic file: the schedule model of
// one session, fed by its session's changes as the schedule area feeds it, shows a booking, a move and a cancellation
// made by a second session or by dermdesk-cli in a child process, without anyone reloading it.
class ScheduleFollowsOtherDesksTest : public QObject
{
    Q_OBJECT

private:
    // One desk: a session on the clinic file and its schedule of one day, following the session's changes.
    struct Desk
    {
        std::unique_ptr<ClinicSession> session;
        std::unique_ptr<ScheduleModel> schedule;
    };

    std::unique_ptr<TempDatabase> m_clinic;
    // A Monday 8 to 14 days ahead: dermdesk-cli books on the real clock, which refuses the past.
    const QDate m_monday = QDate::currentDate().addDays(8 - QDate::currentDate().dayOfWeek() + 7);

    Desk openDesk(const QDate &day)
    {
        Desk desk;
        auto opened = ClinicSession::open(m_clinic->path());
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().message()));
            return desk;
        }
        desk.session = std::move(opened).value();
        desk.schedule = std::make_unique<ScheduleModel>(desk.session->database());
        connect(desk.session.get(), &ClinicSession::changed, desk.schedule.get(), &ScheduleModel::applyChanges);
        ScheduleModel::View view;
        view.date = day;
        if (!desk.schedule->setView(view))
            desk.schedule.reset();
        return desk;
    }

    // Dr. Hiers (1) sees patient `patient` for a face treatment (type 1) at `hour`:00 on m_monday, clinic time.
    BookingRequest mondayBooking(qint64 patient, int hour) const
    {
        return bookingRequest(patient, 1, 1, newYorkAt(m_monday, hour));
    }

    // Books through `desk`'s session and waits until its schedule shows the booking; its id, or 0.
    qint64 bookShown(Desk &desk, qint64 patient, int hour) const
    {
        const Result<Appointment> booked = desk.session->service<BookingService>().book(mondayBooking(patient, hour));
        if (!booked) {
            qWarning("%s", qPrintable(booked.error().message()));
            return 0;
        }
        const qint64 id = booked.value().id;
        return QTest::qWaitFor([&desk, id] { return desk.schedule->rowOf(id) >= 0; }, 3000) ? id : 0;
    }

    // Whether `schedule` shows appointment `id` as a cancelled block.
    static bool showsCancelled(const ScheduleModel &schedule, qint64 id)
    {
        const int row = schedule.rowOf(id);
        return row >= 0
               && AppointmentStatus(schedule.index(row, 0).data(ScheduleModel::StatusRole).toInt())
                      == AppointmentStatus::Cancelled;
    }

private slots:
    void init()
    {
        m_clinic = std::make_unique<TempDatabase>();
        QVERIFY(m_clinic->isValid());
        QVERIFY(seedScheduleClinic(*m_clinic));
        QVERIFY(screenFixturePatients(*m_clinic, QDateTime::currentSecsSinceEpoch() - 86400));
        m_clinic->close();
    }

    void cleanup() { m_clinic.reset(); }

    void aBookingAtAnotherDeskAppearsInTheSchedule()
    {
        Desk front = openDesk(m_monday);
        Desk back = openDesk(m_monday.addDays(7));
        QVERIFY(front.schedule && back.schedule);
        QAbstractItemModelTester tester(front.schedule.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(front.schedule->rowCount(), 0);

        const Result<Appointment> booked = back.session->service<BookingService>().book(mondayBooking(1, 10));
        QVERIFY2(booked, qPrintable(booked ? QString() : booked.error().message()));
        QTRY_VERIFY_WITH_TIMEOUT(front.schedule->rowOf(booked.value().id) >= 0, 3000);
        const AgendaEntry &entry = front.schedule->entry(front.schedule->rowOf(booked.value().id));
        QCOMPARE(entry.startsAt, newYorkAt(m_monday, 10));
        QCOMPARE(front.schedule->index(front.schedule->rowOf(booked.value().id), 0)
                     .data(ScheduleModel::PatientNameRole)
                     .toString(),
                 QStringLiteral("Joanna Smith"));
    }

    void aBookingByTheCommandLineAppearsInTheSchedule()
    {
        Desk front = openDesk(m_monday);
        QVERIFY(front.schedule);
        QAbstractItemModelTester tester(front.schedule.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        const CliRun run =
            CliRun::run(m_clinic->path(), {QStringLiteral("book"), QStringLiteral("--patient"), QStringLiteral("2"),
                                           QStringLiteral("--practitioner"), QStringLiteral("1"),
                                           QStringLiteral("--type"), QStringLiteral("1"), QStringLiteral("--start"),
                                           m_monday.toString(Qt::ISODate) + QStringLiteral("T14:00")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const qint64 id = run.out.trimmed().toLongLong();
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(front.schedule->rowOf(id) >= 0, 3000);
        QCOMPARE(front.schedule->entry(front.schedule->rowOf(id)).startsAt, newYorkAt(m_monday, 14));
        QCOMPARE(front.schedule->index(front.schedule->rowOf(id), 0).data(ScheduleModel::PatientNameRole).toString(),
                 QStringLiteral("J\u00fcrgen M\u00fcller"));
    }

    void aCancellationAtAnotherDeskShowsOnTheBlock()
    {
        Desk front = openDesk(m_monday);
        Desk back = openDesk(m_monday);
        QVERIFY(front.schedule && back.schedule);
        const qint64 id = bookShown(front, 1, 10);
        QVERIFY(id);
        QTRY_VERIFY_WITH_TIMEOUT(back.schedule->rowOf(id) >= 0, 3000);
        QAbstractItemModelTester tester(front.schedule.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QVERIFY(back.session->service<BookingService>().cancel(id, {CancelCategory::Illness, {}}));
        QTRY_VERIFY_WITH_TIMEOUT(showsCancelled(*front.schedule, id), 3000);
    }

    void aCancellationByTheCommandLineShowsOnTheBlock()
    {
        Desk front = openDesk(m_monday);
        QVERIFY(front.schedule);
        const qint64 id = bookShown(front, 4, 13);
        QVERIFY(id);

        const CliRun run = CliRun::run(m_clinic->path(), {QStringLiteral("cancel"), QString::number(id),
                                                          QStringLiteral("--reason"), QStringLiteral("clinic")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QTRY_VERIFY_WITH_TIMEOUT(showsCancelled(*front.schedule, id), 3000);
    }

    void aMoveAtAnotherDeskMovesTheBlock()
    {
        Desk front = openDesk(m_monday);
        Desk back = openDesk(m_monday);
        QVERIFY(front.schedule && back.schedule);
        const qint64 id = bookShown(front, 1, 10);
        QVERIFY(id);

        RescheduleRequest move;
        move.startsAt = newYorkAt(m_monday, 15);
        QVERIFY(back.session->service<BookingService>().reschedule(id, move));
        QTRY_VERIFY_WITH_TIMEOUT(front.schedule->rowOf(id) >= 0
                                     && front.schedule->entry(front.schedule->rowOf(id)).startsAt == *move.startsAt,
                                 3000);
    }
};

QTEST_GUILESS_MAIN(ScheduleFollowsOtherDesksTest)
#include "tst_schedulefollowsotherdesks.moc"
