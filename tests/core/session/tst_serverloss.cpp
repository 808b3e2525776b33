#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "ServerOutage.h"
#include "TempDatabase.h"
#include "calendar/BookingService.h"
#include "session/ClinicSession.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace dermdesk;
using namespace dermdesk::test;

// A clinic server that goes away under an open session (its backend terminated, its database closed to new
// connections): the session says so once, refuses bookings saying nothing was saved, reconnects by itself and has
// every view reload; a booking whose connection dropped half-way or during COMMIT leaves nothing written.
// PostgreSQL only: TempDatabase's database on the test run's cluster.
class ServerLossTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempDatabase> m_clinic;
    std::unique_ptr<ServerOutage> m_outage;
    FakeClock m_clock;

    // A consultation (no screening needed) on Monday 30 Nov 2026 in New York for Joanna Smith with practitioner 1.
    static BookingRequest mondayBooking(int hour)
    {
        return bookingRequest(1, 1, 2, newYorkAt(QDate(2026, 11, 30), hour));
    }

    qint64 count(const QString &table)
    {
        return m_clinic->scalar(QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
    }

    // A trigger that ends the connection of whoever writes an appointment: at the insert itself, or (deferred) at
    // that transaction's COMMIT, before the server has committed anything.
    bool dropWritersOfAppointments(bool atCommit)
    {
        return m_outage->run(
                   QStringLiteral("CREATE FUNCTION drop_writer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                  "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(10); "
                                  "RETURN NEW; END $$"))
               && m_outage->run(
                   atCommit ? QStringLiteral("CREATE CONSTRAINT TRIGGER drop_writer AFTER INSERT ON appointment "
                                             "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
                                             "drop_writer()")
                            : QStringLiteral("CREATE TRIGGER drop_writer AFTER INSERT ON appointment FOR EACH ROW "
                                             "EXECUTE FUNCTION drop_writer()"));
    }

    bool stopDroppingWriters()
    {
        return m_outage->run(QStringLiteral("DROP TRIGGER drop_writer ON appointment"))
               && m_outage->run(QStringLiteral("DROP FUNCTION drop_writer()"));
    }

    static bool announcedEverything(const QSignalSpy &changed)
    {
        return std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &arguments) {
            return arguments.first().value<ChangeSet>().everything;
        });
    }

private slots:
    void init()
    {
        m_clinic = std::make_unique<TempDatabase>();
        QVERIFY(m_clinic->isValid());
        QVERIFY2(m_clinic->isOnServer(), "runs on the test run's PostgreSQL cluster only (DERMDESK_TEST_ENGINE)");
        QVERIFY(seedScheduleClinic(*m_clinic));
        m_outage = std::make_unique<ServerOutage>(*m_clinic);
    }

    void cleanup()
    {
        m_outage.reset();
        m_clinic.reset();
    }

    void lossIsAnnouncedWritesRefusedAndTheSessionReconnects()
    {
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        ClinicSession &session = *opened.value();
        QSignalSpy lost(&session, &ClinicSession::connectionLost);
        QSignalSpy restored(&session, &ClinicSession::connectionRestored);
        QSignalSpy changed(&session, &ClinicSession::changed);
        QVERIFY(session.isConnected());
        QVERIFY(!session.disconnectedSince().isValid());

        QVERIFY(m_outage->dropOtherConnections());
        // Found by the change source's next look, with nothing else running.
        QTRY_COMPARE(lost.count(), 1);
        QVERIFY(!session.isConnected());
        QCOMPARE(session.disconnectedSince(), m_clock.now());
        QVERIFY(!lost.first().first().toString().isEmpty());

        const qint64 appointments = count(QStringLiteral("appointment"));
        const qint64 audit = count(QStringLiteral("audit_log"));
        const Result<Appointment> refused = session.service<BookingService>().book(mondayBooking(10));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind(), ErrorKind::Storage);
        QVERIFY2(refused.error().message().contains(QLatin1String("nothing was saved")),
                 qPrintable(refused.error().message()));
        QCOMPARE(count(QStringLiteral("appointment")), appointments);
        QCOMPARE(count(QStringLiteral("audit_log")), audit);

        // The server answers again: the session is back by itself, and every view reloads.
        QTRY_COMPARE(restored.count(), 1);
        QVERIFY(session.isConnected());
        QVERIFY(!session.disconnectedSince().isValid());
        QTRY_VERIFY(announcedEverything(changed));
        QCOMPARE(lost.count(), 1);

        const Result<Appointment> booked = session.service<BookingService>().book(mondayBooking(10));
        QVERIFY2(booked, qPrintable(booked ? QString() : booked.error().message()));
        QCOMPARE(count(QStringLiteral("appointment")), appointments + 1);

        // Other desks' commits reach the session again (it subscribed again on the new connection).
        // The booking's own announcement first, so the other desk's commit is announced on its own.
        QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [&booked](const QList<QVariant> &arguments) {
            const auto changes = arguments.first().value<ChangeSet>();
            return changes.local && !changes.everything && changes.touchesAppointment(booked.value().id);
        }));
        changed.clear();
        QVERIFY(m_outage->run(QStringLiteral("UPDATE patient SET phone = '555 0101' WHERE id = 2")));
        QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &arguments) {
            const auto changes = arguments.first().value<ChangeSet>();
            return !changes.local && changes.touchesPatient(2);
        }));

        // A second loss is announced again.
        QVERIFY(m_outage->dropOtherConnections());
        QTRY_COMPARE(lost.count(), 2);
        QTRY_COMPARE(restored.count(), 2);
    }

    void aServerThatStaysAwayIsTriedAgainAndTryNowReconnects()
    {
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(opened);
        ClinicSession &session = *opened.value();
        QSignalSpy lost(&session, &ClinicSession::connectionLost);
        QSignalSpy restored(&session, &ClinicSession::connectionRestored);

        QVERIFY(m_outage->goAway());
        QTRY_COMPARE(lost.count(), 1);
        // The first attempts (after 0.5 and 1 s) fail; writes stay refused meanwhile.
        QTest::qWait(1800);
        QCOMPARE(restored.count(), 0);
        QVERIFY(!session.isConnected());
        QVERIFY(!session.reconnectNow());
        const Result<Appointment> refused = session.service<BookingService>().book(mondayBooking(11));
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(QLatin1String("nothing was saved")));

        QVERIFY(m_outage->allowConnections(true));
        QVERIFY(session.reconnectNow());
        QCOMPARE(restored.count(), 1);
        QVERIFY(session.service<BookingService>().book(mondayBooking(11)));
        QCOMPARE(lost.count(), 1);
    }

    void aConnectionDroppedMidBookingLeavesNothingWritten_data()
    {
        QTest::addColumn<bool>("atCommit");
        QTest::newRow("while writing the rows") << false;
        QTest::newRow("during COMMIT") << true;
    }

    void aConnectionDroppedMidBookingLeavesNothingWritten()
    {
        QFETCH(bool, atCommit);
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(opened);
        ClinicSession &session = *opened.value();
        QSignalSpy lost(&session, &ClinicSession::connectionLost);
        QSignalSpy restored(&session, &ClinicSession::connectionRestored);
        QSignalSpy changed(&session, &ClinicSession::changed);

        QVERIFY(dropWritersOfAppointments(atCommit));
        const qint64 appointments = count(QStringLiteral("appointment"));
        const qint64 audit = count(QStringLiteral("audit_log"));
        // Three bookings in one transaction, as a course is booked.
        const Result<QList<Appointment>> course = session.service<BookingService>().bookAll(
            {mondayBooking(10), mondayBooking(14), bookingRequest(1, 1, 2, newYorkAt(QDate(2026, 12, 1), 10))});
        QVERIFY(!course);
        QCOMPARE(course.error().kind(), ErrorKind::Storage);
        QCOMPARE(course.error().code(), QStringLiteral("storage.unreachable"));
        if (atCommit)
            QVERIFY2(course.error().message().contains(QLatin1String("Do not take it as saved")),
                     qPrintable(course.error().message()));
        else
            QVERIFY2(course.error().message().contains(QLatin1String("nothing was saved")),
                     qPrintable(course.error().message()));
        QCOMPARE(count(QStringLiteral("appointment")), appointments);
        QCOMPARE(count(QStringLiteral("audit_log")), audit);

        QTRY_COMPARE(lost.count(), 1);
        QVERIFY(stopDroppingWriters());
        QTRY_COMPARE(restored.count(), 1);
        QTRY_VERIFY(announcedEverything(changed));
        QCOMPARE(count(QStringLiteral("appointment")), appointments);
        QCOMPARE(count(QStringLiteral("audit_log")), audit);
        const Result<QList<Appointment>> again =
            session.service<BookingService>().bookAll({mondayBooking(10), mondayBooking(14)});
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message()));
        QCOMPARE(count(QStringLiteral("appointment")), appointments + 2);
    }
};

QTEST_GUILESS_MAIN(ServerLossTest)
#include "tst_serverloss.moc"
