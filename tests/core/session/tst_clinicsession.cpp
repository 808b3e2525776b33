#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "TempDatabase.h"
#include "calendar/BookingService.h"
#include "clinic/ClinicRepository.h"
#include "patients/PatientRepository.h"
#include "session/ClinicProbe.h"
#include "session/ClinicSession.h"
#include "storage/ChangeSource.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace dermdesk;
using namespace dermdesk::test;

// The clinic session: its services, and what it announces after commits made through it, through another session
// on the same file, and without an audit row.
class ClinicSessionTest : public QObject
{
    Q_OBJECT

private:
    // A consultation (no screening needed) on Monday 30 Nov 2026 at 10:00 in New York for Joanna Smith (1) with
    // practitioner 1.
    static BookingRequest mondayBooking(int hour = 10)
    {
        return bookingRequest(1, 1, 2, newYorkAt(QDate(2026, 11, 30), hour));
    }

    std::unique_ptr<TempDatabase> m_clinic;
    FakeClock m_clock;

private slots:
    void init()
    {
        m_clinic = std::make_unique<TempDatabase>();
        QVERIFY(m_clinic->isValid());
        QVERIFY(seedScheduleClinic(*m_clinic));
        m_clinic->close();
    }

    void servicesAreSharedForTheSessionsLife()
    {
        auto session = ClinicSession::open(m_clinic->path());
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message()));
        BookingService &first = session.value()->service<BookingService>();
        BookingService &second = session.value()->service<BookingService>();
        QCOMPARE(&first, &second);
        QCOMPARE(session.value()->zone().id(), QByteArray("America/New_York"));
    }

    void bookingHereIsAnnouncedWithWhatItTouched()
    {
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(opened);
        ClinicSession &session = *opened.value();
        QSignalSpy changed(&session, &ClinicSession::changed);

        const Result<Appointment> booked = session.service<BookingService>().book(mondayBooking());
        QVERIFY2(booked, qPrintable(booked ? QString() : booked.error().message()));
        // Not from inside the write: when control returns to the event loop.
        QCOMPARE(changed.count(), 0);
        QTRY_COMPARE(changed.count(), 1);

        const auto changes = changed.first().first().value<ChangeSet>();
        QVERIFY(changes.local);
        QVERIFY(!changes.everything);
        QVERIFY(changes.touchesAppointment(booked.value().id));
        QVERIFY(changes.touchesPatient(1));
        QVERIFY(!changes.touchesPatient(2));
        QVERIFY(changes.touchesSchedule(booked.value().startsAt, booked.value().startsAt + 60));
        QVERIFY(!changes.touchesSchedule(booked.value().startsAt + 86400, booked.value().startsAt + 2 * 86400));
        QVERIFY(!changes.touchesSetup());
    }

    void announceChangesDoesNotWaitForTheEventLoop()
    {
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(opened);
        ClinicSession &session = *opened.value();
        QSignalSpy changed(&session, &ClinicSession::changed);
        QVERIFY(session.service<BookingService>().book(mondayBooking()));
        session.announceChanges();
        QCOMPARE(changed.count(), 1);
        // Announced once: the queued look finds nothing more.
        QCoreApplication::processEvents();
        QCOMPARE(changed.count(), 1);
    }

    void movingAnnouncesTheTimeLeftAndTheTimeTaken()
    {
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(opened);
        ClinicSession &session = *opened.value();
        auto &appointments = session.service<BookingService>();
        const Result<Appointment> booked = appointments.book(mondayBooking(10));
        QVERIFY(booked);
        session.announceChanges();
        QSignalSpy changed(&session, &ClinicSession::changed);

        RescheduleRequest move;
        move.startsAt = newYorkAt(QDate(2026, 12, 1), 15);
        QVERIFY(appointments.reschedule(booked.value().id, move));
        session.announceChanges();
        QCOMPARE(changed.count(), 1);
        const auto changes = changed.first().first().value<ChangeSet>();
        QVERIFY(changes.touchesSchedule(booked.value().startsAt, booked.value().startsAt + 60));
        QVERIFY(changes.touchesSchedule(*move.startsAt, *move.startsAt + 60));
    }

    void anotherSessionsCommitReachesThisOne()
    {
        auto first = ClinicSession::open(m_clinic->path(), {}, m_clock);
        auto second = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(first && second);
        QSignalSpy changed(first.value().get(), &ClinicSession::changed);

        const Result<Appointment> booked = second.value()->service<BookingService>().book(mondayBooking());
        QVERIFY(booked);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 3000);
        const auto changes = changed.last().first().value<ChangeSet>();
        QVERIFY(!changes.local);
        QVERIFY(changes.touchesAppointment(booked.value().id));
        QVERIFY(changes.touchesPatient(1));
    }

    void settingsSavedElsewhereChangeTheZone()
    {
        auto first = ClinicSession::open(m_clinic->path(), {}, m_clock);
        auto second = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(first && second);
        QCOMPARE(first.value()->zone().id(), QByteArray("America/New_York"));
        QSignalSpy changed(first.value().get(), &ClinicSession::changed);

        auto &clinic = second.value()->service<ClinicRepository>();
        auto settings = clinic.settings();
        QVERIFY(settings && settings.value());
        ClinicSettings edited = *settings.value();
        edited.timeZone = "Europe/London";
        QVERIFY(clinic.saveSettings(edited));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 3000);
        QVERIFY(changed.last().first().value<ChangeSet>().touchesSetup());
        QCOMPARE(first.value()->zone().id(), QByteArray("Europe/London"));
    }

    void aCommitWithoutAnAuditRowReloadsEverything()
    {
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(opened);
        ClinicSession &session = *opened.value();
        QSignalSpy changed(&session, &ClinicSession::changed);
        {
            Transaction transaction(session.database());
            QVERIFY(transaction.begin());
            QSqlQuery query(session.database().connection());
            QVERIFY(query.exec(QStringLiteral("UPDATE patient SET phone = '555-0100' WHERE id = 1")));
            QVERIFY(transaction.commit());
        }
        session.announceChanges();
        QCOMPARE(changed.count(), 1);
        QVERIFY(changed.first().first().value<ChangeSet>().everything);
    }

    void theActorIsWhomTheAuditNames()
    {
        auto opened = ClinicSession::open(m_clinic->path(), {}, m_clock);
        QVERIFY(opened);
        ClinicSession &session = *opened.value();
        session.setActor({QStringLiteral("reception-1"), QStringLiteral("front-desk")});
        QVERIFY(session.service<BookingService>().book(mondayBooking()));
        QSqlQuery query(session.database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT actor, workstation FROM audit_log ORDER BY id DESC LIMIT 1")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("reception-1"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("front-desk"));
    }
    void aProbeNamesTheClinicAndWritesNothing()
    {
        QString name;
        {
            auto opened = ClinicSession::open(m_clinic->path());
            QVERIFY(opened);
            name = opened.value()->service<ClinicRepository>().settings().value()->name;
        }
        const ClinicProbe probe = ClinicProbe::of(m_clinic->path());
        QCOMPARE(probe.kind, ClinicProbe::Kind::Clinic);
        QCOMPARE(probe.clinicName, name);
        QVERIFY(probe.canOpen());
        // A newer schema is only reported, never touched.
        {
            auto opened = m_clinic->reopen();
            QVERIFY(opened);
            QVERIFY(opened.value()->engine().setSchemaVersion(Database::latestSchemaVersion() + 1));
        }
        const ClinicProbe newer = ClinicProbe::of(m_clinic->path());
        QCOMPARE(newer.kind, ClinicProbe::Kind::Failed);
        QCOMPARE(newer.error.code(), QStringLiteral("storage.newer_schema"));
        QVERIFY(!newer.canOpen());
    }

    void aClinicWrittenByANewerDermDeskIsRefusedAndLeftAsItWas()
    {
        // The clinic as a newer DermDesk left it: a schema version this program does not know.
        const int newer = Database::latestSchemaVersion() + 1;
        {
            auto opened = m_clinic->reopen();
            QVERIFY(opened);
            QVERIFY(opened.value()->engine().setSchemaVersion(newer));
        }
        auto refused = ClinicSession::open(m_clinic->path());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), QStringLiteral("storage.newer_schema"));
        QCOMPARE(refused.error().exitCode(), 5);
        QVERIFY2(refused.error().message().contains(QString::number(newer)), qPrintable(refused.error().message()));
        // Nothing was changed: the stamp is as the newer program left it, so the clinic is refused again.
        auto stamp = m_clinic->reopen();
        QVERIFY(!stamp);
        QCOMPARE(stamp.error().code(), QStringLiteral("storage.newer_schema"));
    }
    void anUnreachableServerIsRefusedWithoutShowingThePassword()
    {
        // Port 1 on this computer: nothing listens there, so the connection is refused at once.
        const QString location = QStringLiteral("postgresql://desk:s3cret@127.0.0.1:1/clinic?connect_timeout=3");
        auto opened = ClinicSession::open(location);
        QVERIFY(!opened);
        const Error &error = opened.error();
        QCOMPARE(error.kind(), ErrorKind::Storage);
        QCOMPARE(error.exitCode(), 5);
        QCOMPARE(error.code(), QStringLiteral("storage.unreachable"));
        QVERIFY2(error.message().contains(QStringLiteral("postgresql://desk@127.0.0.1:1/clinic")),
                 qPrintable(error.message()));
        QVERIFY(!error.message().contains(QStringLiteral("s3cret")));
        // Nothing was created on the way (taken for a relative path, it would have named a folder "postgresql:").
        QVERIFY(!QFileInfo::exists(QStringLiteral("postgresql:")));
    }
    void anAddressOfAnotherKindIsRefused()
    {
        auto opened = ClinicSession::open(QStringLiteral("mysql://desk:s3cret@clinic-server/clinic"));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code(), QStringLiteral("storage.unsupported_location"));
        QVERIFY2(opened.error().message().contains(QStringLiteral("mysql://desk@clinic-server/clinic")),
                 qPrintable(opened.error().message()));
        QVERIFY(!opened.error().message().contains(QStringLiteral("s3cret")));
    }
    void aMalformedServerAddressNamesTheProblem()
    {
        auto opened = ClinicSession::open(QStringLiteral("postgresql://desk@clinic-server:99999/clinic"));
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind(), ErrorKind::InvalidInput);
        QCOMPARE(opened.error().exitCode(), 2);
        QVERIFY2(opened.error().message().contains(QStringLiteral("port")), qPrintable(opened.error().message()));
        opened = ClinicSession::open(QStringLiteral("postgresql://desk@clinic-server"));
        QVERIFY(!opened);
        QVERIFY2(opened.error().message().contains(QStringLiteral("names no database")),
                 qPrintable(opened.error().message()));
    }

    void aFileUrlOpensTheClinicFileOnSqlite()
    {
        // A clinic file of its own: on the PostgreSQL run the fixture's clinic is on the server.
        const QString file = QDir(m_clinic->folder()).filePath(QStringLiteral("file-url.dermdesk"));
        QVERIFY(Database::open(file).ok());
        auto opened = ClinicSession::open(QUrl::fromLocalFile(file).toString());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        QCOMPARE(opened.value()->location(), QFileInfo(file).absoluteFilePath());
        QCOMPARE(opened.value()->database().engine().kind(), StorageEngine::Kind::Sqlite);
        QCOMPARE(opened.value()->changeWatcher().interval(), ClinicSession::Options().watchIntervalMs);
    }
};

QTEST_GUILESS_MAIN(ClinicSessionTest)
#include "tst_clinicsession.moc"
