#include "FakeClock.h"
#include "calendar/BookingService.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace dermdesk;

// A clinic file written by a version-1 DermDesk opens in this program: it is copied aside, migrated
// to schema 2, and its appointments keep working under the new rules.
class TestScheduleMigration : public QObject
{
    Q_OBJECT

private slots:
    void aVersionOneFileIsBackedUpAndMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.dermdesk"));
        const QString versionOne = dir.filePath(QStringLiteral("sql"));
        QVERIFY(QDir().mkpath(versionOne));
        QVERIFY(QFile::copy(QStringLiteral(":/sql/001_initial.sql"), versionOne + QStringLiteral("/001_initial.sql")));
        {
            Database::Options old;
            old.migrationsFolder = versionOne;
            auto v1 = Database::open(path, old);
            QVERIFY(v1.ok());
            QCOMPARE(v1.value()->schemaVersion(), 1);
            QSqlQuery query(v1.value()->connection());
            for (const char *sql :
                 {"INSERT INTO clinic_settings (id, name, time_zone, created_at) VALUES (1, 'Old Clinic', "
                  "'Europe/London', 0)",
                  "INSERT INTO practitioner (id, display_name) VALUES (1, 'Dr. Hiers')",
                  "INSERT INTO patient (id, given_name, family_name, created_at, updated_at) VALUES (1, 'Jo', 'Smith', "
                  "0, 0)",
                  "INSERT INTO appointment_type (id, name, duration_min, needs_room) VALUES (1, 'Consultation', 30, 0)",
                  "INSERT INTO appointment (id, patient_id, practitioner_id, type_id, starts_at, ends_at, status, "
                  "cancel_reason, created_at, updated_at) VALUES (1, 1, 1, 1, 1800000000, 1800001800, 'cancelled', "
                  "'Illness', 0, 0)",
                  "INSERT INTO appointment (id, patient_id, practitioner_id, type_id, starts_at, ends_at, status, "
                  "created_at, updated_at) VALUES (2, 1, 1, 1, 1800003600, 1800005400, 'booked', 0, 0)"})
                QVERIFY(query.exec(QString::fromLatin1(sql)));
        }

        auto v2 = Database::open(path);
        QVERIFY2(v2.ok(), qPrintable(v2.ok() ? QString() : v2.error().message()));
        QCOMPARE(v2.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 2);
        QVERIFY(QFile::exists(v2.value()->migrationBackupPath()));

        test::FakeClock clock(QDateTime::fromSecsSinceEpoch(1799990000, Qt::UTC));
        BookingService repo(*v2.value(), clock);
        const Appointment cancelled = repo.appointments().find(1).value();
        QCOMPARE(cancelled.status, AppointmentStatus::Cancelled);
        QCOMPARE(cancelled.cancelReason, QStringLiteral("Illness"));
        QVERIFY(!cancelled.cancelCategory.has_value());
        QVERIFY(!cancelled.lateCancel);
        QVERIFY(repo.appointments().history(1).value().isEmpty());
        QCOMPARE(repo.appointments().attendance(1).value().cancelled, 1);

        QVERIFY(repo.changeStatus(2, AppointmentStatus::Confirmed).ok());
        QCOMPARE(repo.appointments().history(2).value().size(), 1);
        QVERIFY(v2.value()->checkIntegrity().ok());

        // The copy is the untouched version-1 file.
        Database::Options old;
        old.migrationsFolder = versionOne;
        auto copy = Database::open(v2.value()->migrationBackupPath(), old);
        QVERIFY(copy.ok());
        QCOMPARE(copy.value()->schemaVersion(), 1);
    }
};

QTEST_GUILESS_MAIN(TestScheduleMigration)
#include "tst_schedulemigration.moc"
