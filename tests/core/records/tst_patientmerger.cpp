#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BookingService.h"
#include "patients/ScreeningRepository.h"
#include "records/PatientMerger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

namespace {
const QDate monday(2026, 11, 30);
} // namespace

// Merging record 4 (Wei Wang) of the schedule clinic into a survivor: everything of 4 moves in one transaction,
// audited; refusals change nothing. "Now" is Thursday 2026-11-26 09:00 in New York.
class TestPatientMerger : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    qint64 count(const QString &sql) { return m_temp->scalar(sql).toLongLong(); }

    qint64 book(qint64 patient, qint64 practitioner, const QDate &date, int hour)
    {
        auto booked = BookingService(m_temp->database(), m_clock)
                          .book(test::bookingRequest(patient, practitioner, 2, newYorkAt(date, hour)));
        return booked ? booked.value().id : 0;
    }

    // Every row that refers to a patient, as text: equal before and after a refusal.
    QString snapshot()
    {
        QStringList rows;
        for (const QString &table : PatientMerger::movedTables()) {
            QSqlQuery query(m_temp->database().connection());
            if (!query.exec(QStringLiteral("SELECT id, patient_id FROM %1 ORDER BY id").arg(table)))
                rows << table + QStringLiteral(" unreadable");
            while (query.next())
                rows << QStringLiteral("%1 %2 %3").arg(table, query.value(0).toString(), query.value(1).toString());
        }
        QSqlQuery patients(m_temp->database().connection());
        patients.exec(QStringLiteral("SELECT id, archived, notes, merged_into_id FROM patient ORDER BY id"));
        while (patients.next()) {
            rows << QStringLiteral("patient %1 %2 %3 %4")
                        .arg(patients.value(0).toString(), patients.value(1).toString(), patients.value(2).toString(),
                             patients.value(3).toString());
        }
        rows << QString::number(count(QStringLiteral("SELECT count(*) FROM audit_log")));
        return rows.join(QLatin1Char('\n'));
    }

    void seedDuplicate()
    {
        QVERIFY(book(4, 1, monday, 9));
        QVERIFY(book(4, 2, monday.addDays(7), 10));
        QVERIFY(book(1, 1, monday, 13));
        ScreeningAnswer diabetes;
        diabetes.questionId = 8;
        diabetes.yes = true;
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(4, {diabetes}));
        QVERIFY(test::runAll(
            m_temp->database(),
            {QStringLiteral(
                 "INSERT INTO treatment_plan (id, patient_id, type_id, planned_sessions, interval_min_weeks, "
                 "interval_max_weeks, created_at, updated_at) VALUES (7, 4, 1, 4, 4, 6, 0, 0)"),
             QStringLiteral("INSERT INTO waitlist_entry (id, patient_id, type_id, earliest_date, latest_date, "
                            "created_at, updated_at) VALUES (5, 4, 2, '2026-12-01', '2026-12-20', 0, 0)"),
             QStringLiteral("INSERT INTO handout_log (patient_id, document, output, printed_at, printed_by) "
                            "VALUES (4, 'handout', 'pdf', 0, 'desk')")}));
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedScheduleClinic(*m_temp));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC));
    }

    void cleanup() { m_temp.reset(); }

    void everyTableWithAPatientIdIsMoved()
    {
        const StorageEngine &engine = m_temp->database().engine();
        const Result<QStringList> all = engine.tables();
        QVERIFY(all);
        QStringList tables;
        for (const QString &table : all.value()) {
            const Result<QStringList> columns = engine.columns(table);
            QVERIFY(columns);
            if (table != QLatin1String("patient") && columns.value().contains(QLatin1String("patient_id")))
                tables << table;
        }
        QStringList moved = PatientMerger::movedTables();
        moved.sort();
        QCOMPARE(tables, moved);
    }

    void mergeMovesEverythingAndAudits()
    {
        seedDuplicate();
        PatientMerger merger(m_temp->database(), m_clock);
        auto preview = merger.preview(4, 1);
        QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message()));
        QCOMPARE(preview.value().appointmentIds.size(), 2);
        QCOMPARE(preview.value().planIds, QList<qint64>{7});
        QCOMPARE(preview.value().waitlistIds, QList<qint64>{5});
        QCOMPARE(preview.value().screeningAnswers, 1);
        QCOMPARE(preview.value().handouts, 1);
        QCOMPARE(preview.value().survivor.familyName, QStringLiteral("Smith"));

        auto merged = merger.merge(4, 1);
        QVERIFY2(merged, merged ? "" : qPrintable(merged.error().message()));
        for (const QString &table : PatientMerger::movedTables()) {
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1 WHERE patient_id = 4").arg(table)), 0);
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment WHERE patient_id = 1")), 3);
        QCOMPARE(count(QStringLiteral("SELECT archived FROM patient WHERE id = 4")), 1);
        QCOMPARE(count(QStringLiteral("SELECT merged_into_id FROM patient WHERE id = 4")), 1);
        QVERIFY(m_temp->scalar(QStringLiteral("SELECT notes FROM patient WHERE id = 4"))
                    .toString()
                    .contains(QLatin1String("Merged into patient 1 (Joanna Smith)")));
        // The survivor's screening now holds the moved answer.
        auto answers = ScreeningRepository(m_temp->database(), m_clock).latestAnswers(1);
        QVERIFY(answers);
        QVERIFY(answers.value().contains(8));

        const QJsonObject audit =
            QJsonDocument::fromJson(
                m_temp->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'merge' AND entity_id = 1"))
                    .toString()
                    .toUtf8())
                .object();
        QCOMPARE(audit.value(QStringLiteral("merged_id")).toInteger(), 4);
        QCOMPARE(
            audit.value(QStringLiteral("moved")).toObject().value(QStringLiteral("appointment_ids")).toArray().size(),
            2);
        QCOMPARE(audit.value(QStringLiteral("before"))
                     .toObject()
                     .value(QStringLiteral("merged"))
                     .toObject()
                     .value(QStringLiteral("archived"))
                     .toBool(),
                 false);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'merged_into' AND entity_id = 4")),
                 1);

        // Merged once, it cannot be merged again.
        auto again = merger.merge(4, 2);
        QVERIFY(!again);
        QCOMPARE(again.error().code(), QStringLiteral("rule.patient.merged"));
    }

    void refusalsLeaveTheDatabaseUnchanged_data()
    {
        QTest::addColumn<qint64>("merged");
        QTest::addColumn<qint64>("survivor");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("named");
        QTest::newRow("itself") << qint64(4) << qint64(4) << QStringLiteral("input.survivor")
                                << QStringLiteral("itself");
        QTest::newRow("unknown merged") << qint64(99) << qint64(1) << QStringLiteral("not_found.patient")
                                        << QStringLiteral("99");
        QTest::newRow("unknown survivor")
            << qint64(4) << qint64(98) << QStringLiteral("not_found.patient") << QStringLiteral("98");
        QTest::newRow("overlapping appointments")
            << qint64(4) << qint64(2) << QStringLiteral("rule.patient.merge_overlap")
            << QStringLiteral("2026-11-30 at 09:00");
    }

    void refusalsLeaveTheDatabaseUnchanged()
    {
        QFETCH(qint64, merged);
        QFETCH(qint64, survivor);
        QFETCH(QString, code);
        QFETCH(QString, named);
        seedDuplicate();
        QVERIFY(book(2, 2, monday, 9)); // the same time as Wei's first appointment, with another practitioner
        const QString before = snapshot();
        auto refused = PatientMerger(m_temp->database(), m_clock).merge(merged, survivor);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), code);
        QVERIFY2(refused.error().message().contains(named), qPrintable(refused.error().message()));
        QCOMPARE(snapshot(), before);
    }

    void cancelledAppointmentsDoNotBlockAMerge()
    {
        const qint64 wei = book(4, 1, monday, 9);
        QVERIFY(wei);
        QVERIFY(book(2, 2, monday, 9));
        QVERIFY(BookingService(m_temp->database(), m_clock).cancel(wei, {CancelCategory::Illness, {}}));
        auto merged = PatientMerger(m_temp->database(), m_clock).merge(4, 2);
        QVERIFY2(merged, merged ? "" : qPrintable(merged.error().message()));
        QCOMPARE(count(QStringLiteral("SELECT patient_id FROM appointment WHERE id = %1").arg(wei)), 2);
    }
};

QTEST_GUILESS_MAIN(TestPatientMerger)
#include "tst_patientmerger.moc"
