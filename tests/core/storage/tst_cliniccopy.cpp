#include "SqlRows.h"
#include "TempDatabase.h"
#include "storage/ClinicCopy.h"
#include "storage/Database.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;
using namespace dermdesk::test;

// ClinicCopy: a clinic copied whole into a new clinic file, the copy proven before it is kept; a target that holds a
// clinic refused, a copy that fails half-way leaving nothing behind.
class TestClinicCopy : public QObject
{
    Q_OBJECT

private:
    static bool run(const Database &database, const QString &sql)
    {
        QSqlQuery query(database.connection());
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

private slots:
    void everyTableArrivesWithItsIdsAndItsProof()
    {
        TempDatabase clinic;
        QVERIFY(clinic.isValid());
        QVERIFY(clinic.seedMinimalClinic());
        const Database &source = clinic.database();
        // Ids with gaps, a patient merged into a later one, the audit log and an edited default.
        QVERIFY(run(source, QStringLiteral("INSERT INTO patient (id, given_name, family_name, created_at, updated_at) "
                                           "VALUES (40, 'Ana', 'Lima', 0, 0)")));
        QVERIFY(run(source, QStringLiteral("UPDATE patient SET merged_into_id = 40, archived = 1 WHERE id = 2")));
        QVERIFY(run(source, QStringLiteral("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details) "
                                           "VALUES (7, 1700000000, 'desk', 'merge', 'patient', 2, 'into 40')")));
        QVERIFY(run(source, QStringLiteral("UPDATE downtime_band SET label = 'A day or two' WHERE id = 1")));

        const QString file = QFileInfo(clinic.folder() + QStringLiteral("/copy.dermdesk")).absoluteFilePath();
        QStringList progress;
        ClinicCopy copy(source);
        copy.setProgress([&progress](const QString &table, qint64 copied, qint64 rows) {
            if (copied == rows)
                progress.append(table);
        });
        const auto copied = copy.intoNewFile(file);
        QVERIFY2(copied, copied ? "" : qPrintable(copied.error().message()));
        for (const ClinicCopy::Table &table : copied.value())
            QVERIFY2(table.matches(), qPrintable(table.name));
        // Referenced tables are filled before the tables that refer to them.
        QVERIFY(progress.indexOf(QStringLiteral("patient")) < progress.indexOf(QStringLiteral("appointment")));

        auto opened = Database::open(file);
        QVERIFY(opened);
        const Database &target = *opened.value();
        QCOMPARE(rows(target, QStringLiteral("SELECT id, merged_into_id FROM patient ORDER BY id")),
                 rows(source, QStringLiteral("SELECT id, merged_into_id FROM patient ORDER BY id")));
        QCOMPARE(rows(target, QStringLiteral("SELECT * FROM audit_log")),
                 rows(source, QStringLiteral("SELECT * FROM audit_log")));
        QCOMPARE(
            rows(target, QStringLiteral("SELECT label FROM downtime_band WHERE id = 1")).value(0).value(0).toString(),
            QStringLiteral("A day or two"));
        QCOMPARE(rows(target, QStringLiteral("SELECT * FROM education_template_version")),
                 rows(source, QStringLiteral("SELECT * FROM education_template_version")));
        // The search index was rebuilt: the merged patient is found by name there too.
        QCOMPARE(scalar(target,
                        QStringLiteral("SELECT count(*) FROM patient_search WHERE patient_search MATCH 'lima'")),
                 1);
        // The append-only tables still refuse deletes on the copy.
        QSqlQuery erase(target.connection());
        QVERIFY(!erase.exec(QStringLiteral("DELETE FROM education_template_version")));
        QVERIFY(!erase.exec(QStringLiteral("DELETE FROM audit_log")));
    }

    void aTargetHoldingAClinicIsRefusedUntouched()
    {
        TempDatabase clinic;
        QVERIFY(clinic.seedMinimalClinic());
        TempDatabase other;
        QVERIFY(other.seedMinimalClinic());
        QVERIFY(run(other.database(), QStringLiteral("DELETE FROM patient WHERE id = 2")));
        const auto copied = ClinicCopy(clinic.database()).into(other.database());
        QVERIFY(!copied);
        QCOMPARE(copied.error().code(), QStringLiteral("storage.target_not_empty"));
        QVERIFY2(copied.error().message().contains(QStringLiteral("patient")), qPrintable(copied.error().message()));
        QCOMPARE(scalar(other.database(), QStringLiteral("SELECT count(*) FROM patient")), 1);

        // A new clinic, with only the defaults every clinic starts with, takes the copy.
        TempDatabase fresh;
        const auto accepted = ClinicCopy(clinic.database()).into(fresh.database());
        QVERIFY2(accepted, accepted ? "" : qPrintable(accepted.error().message()));
        QCOMPARE(scalar(fresh.database(), QStringLiteral("SELECT count(*) FROM patient")), 2);
    }

    void aCopyThatFailsHalfWayLeavesNoFile()
    {
        TempDatabase clinic;
        QVERIFY(clinic.seedMinimalClinic());
        // A row the target's rules refuse (written around them here): the copy fails at that table.
        QVERIFY(run(clinic.database(), QStringLiteral("PRAGMA ignore_check_constraints = ON")));
        QVERIFY(run(clinic.database(), QStringLiteral("INSERT INTO room (id, name) VALUES (2, '   ')")));
        const QString file = clinic.folder() + QStringLiteral("/half.dermdesk");
        const auto copied = ClinicCopy(clinic.database()).intoNewFile(file);
        QVERIFY(!copied);
        QVERIFY2(copied.error().message().contains(QStringLiteral("room")), qPrintable(copied.error().message()));
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
    }

    void aCopyCancelledHalfWayLeavesNoFile()
    {
        TempDatabase clinic;
        QVERIFY(clinic.seedMinimalClinic());
        // Enough patients for the copy to report on its way through the table.
        QVERIFY(run(clinic.database(),
                    QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 12099) "
                                   "INSERT INTO patient (id, given_name, family_name, created_at, updated_at) "
                                   "SELECT i, 'Given' || i, 'Family' || i, 0, 0 FROM n")));
        const QString file = clinic.folder() + QStringLiteral("/cancelled.dermdesk");
        ClinicCopy copy(clinic.database());
        bool stop = false;
        QStringList reported;
        copy.setProgress([&](const QString &table, qint64 copied, qint64) {
            reported.append(QStringLiteral("%1 %2").arg(table).arg(copied));
            stop = stop || (table == QLatin1String("patient") && copied > 0);
        });
        copy.setCancelled([&stop] { return stop; });
        const auto copied = copy.intoNewFile(file);
        QVERIFY(!copied);
        QCOMPARE(copied.error().code(), QStringLiteral("storage.cancelled"));
        // Stopped in the middle of the patients, not after them.
        QCOMPARE(reported.last(), QStringLiteral("patient 5000"));
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
    }
};

QTEST_GUILESS_MAIN(TestClinicCopy)
#include "tst_cliniccopy.moc"
