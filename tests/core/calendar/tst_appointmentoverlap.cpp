#include "TempDatabase.h"
#include "calendar/AppointmentRepository.h"
#include "storage/SqlError.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

// The database itself refuses double bookings, whatever program writes to it.
class TestAppointmentOverlap : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;

    // Inserts an appointment directly (bypassing every core rule) and returns the refusal code, or "" if stored.
    QString insert(int patient, int practitioner, QVariant room, qint64 start, qint64 end, int cleanupMin = 0,
                   const QString &status = QStringLiteral("booked"))
    {
        QSqlQuery query(m_temp->database().connection());
        query.prepare(QStringLiteral(
            "INSERT INTO appointment (patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, cleanup_min, "
            "status, cancel_reason, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 0, 0)"));
        query.addBindValue(patient);
        query.addBindValue(practitioner);
        query.addBindValue(room);
        query.addBindValue(start);
        query.addBindValue(end);
        query.addBindValue(cleanupMin);
        query.addBindValue(status);
        query.addBindValue(status == QLatin1String("cancelled") ? QStringLiteral("illness") : QStringLiteral(""));
        if (query.exec())
            return {};
        return sqlError(query.lastError(), QStringLiteral("insert")).code();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->seedMinimalClinic());
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO practitioner (id, display_name) VALUES (2, 'Nurse Ana')")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO room (id, name) VALUES (2, 'Room 2')")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO patient (id, given_name, family_name, created_at, updated_at) "
                                          "VALUES (3, 'Wei', '王', 0, 0)")));
        QCOMPARE(insert(1, 1, 1, 36000, 39600, 10), QString()); // 10:00-11:00 UTC, 10 min cleanup
    }

    void rules_data()
    {
        QTest::addColumn<int>("patient");
        QTest::addColumn<int>("practitioner");
        QTest::addColumn<QVariant>("room");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("refusal");

        QTest::newRow("same practitioner, overlapping") << 2 << 1 << QVariant(2) << qint64(37800) << qint64(41400)
                                                        << QStringLiteral("booked")
                                                        << QStringLiteral("rule.overlap.practitioner");
        QTest::newRow("same practitioner, inside cleanup") << 2 << 1 << QVariant(2) << qint64(39600) << qint64(41400)
                                                           << QStringLiteral("booked")
                                                           << QStringLiteral("rule.overlap.practitioner");
        QTest::newRow("same practitioner, after cleanup") << 2 << 1 << QVariant(2) << qint64(40200) << qint64(41400)
                                                          << QStringLiteral("booked") << QString();
        QTest::newRow("same practitioner, back to back before") << 2 << 1 << QVariant(2) << qint64(32400)
                                                                << qint64(36000) << QStringLiteral("booked")
                                                                << QString();
        QTest::newRow("same room, other practitioner") << 2 << 2 << QVariant(1) << qint64(36000) << qint64(37800)
                                                       << QStringLiteral("booked")
                                                       << QStringLiteral("rule.overlap.room");
        QTest::newRow("no room, other practitioner") << 2 << 2 << QVariant() << qint64(36000) << qint64(37800)
                                                     << QStringLiteral("booked") << QString();
        QTest::newRow("same patient elsewhere") << 1 << 2 << QVariant(2) << qint64(38000) << qint64(40000)
                                                << QStringLiteral("booked") << QStringLiteral("rule.overlap.patient");
        QTest::newRow("patient free during cleanup") << 1 << 2 << QVariant(2) << qint64(39600) << qint64(41400)
                                                     << QStringLiteral("booked") << QString();
        QTest::newRow("cancelled does not hold the slot") << 2 << 1 << QVariant(1) << qint64(36000) << qint64(39600)
                                                          << QStringLiteral("cancelled") << QString();
        QTest::newRow("no-show does not hold the slot") << 2 << 1 << QVariant(1) << qint64(36000) << qint64(39600)
                                                        << QStringLiteral("no_show") << QString();
        QTest::newRow("confirmed holds the slot") << 3 << 1 << QVariant(2) << qint64(36000) << qint64(36900)
                                                  << QStringLiteral("confirmed")
                                                  << QStringLiteral("rule.overlap.practitioner");
    }

    void rules()
    {
        QFETCH(int, patient);
        QFETCH(int, practitioner);
        QFETCH(QVariant, room);
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(QString, status);
        QFETCH(QString, refusal);
        const qint64 before = m_temp->scalar(QStringLiteral("SELECT count(*) FROM appointment")).toLongLong();
        QCOMPARE(insert(patient, practitioner, room, start, end, 0, status), refusal);
        const qint64 after = m_temp->scalar(QStringLiteral("SELECT count(*) FROM appointment")).toLongLong();
        QCOMPARE(after, refusal.isEmpty() ? before + 1 : before);
    }

    void movingOntoAnotherAppointmentIsRefused()
    {
        QCOMPARE(insert(2, 1, 2, 43200, 46800), QString());
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(!query.exec(QStringLiteral("UPDATE appointment SET starts_at = 37800, ends_at = 41400 WHERE id = 2")));
        QCOMPARE(sqlError(query.lastError(), QString()).code(), QStringLiteral("rule.overlap.practitioner"));
        QVERIFY(query.exec(QStringLiteral("UPDATE appointment SET starts_at = 41400, ends_at = 45000 WHERE id = 2")));
    }

    void reinstatingACancelledAppointmentIsRefusedWhenTheSlotWasTaken()
    {
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE appointment SET status = 'cancelled', cancel_reason = 'illness' WHERE id = 1")));
        QCOMPARE(insert(2, 1, 1, 36000, 39600), QString());
        QVERIFY(!query.exec(QStringLiteral("UPDATE appointment SET status = 'booked' WHERE id = 1")));
    }

    // What a booking into a given room is checked against: the appointments of its practitioner, its room and its
    // patient that hold their time around it, none of anyone else's.
    void theAppointmentsAroundABookingAreThoseItMeets()
    {
        QCOMPARE(insert(3, 2, 2, 36000, 37800), QString());                                 // 2: 10:00-10:30
        QCOMPARE(insert(2, 2, QVariant(), 38400, 39600), QString());                        // 3: 10:40-11:00
        QCOMPARE(insert(3, 1, 2, 36000, 39600, 0, QStringLiteral("cancelled")), QString()); // 4: frees its time
        QCOMPARE(insert(2, 1, 2, 50400, 54000), QString());                                 // 5: 14:00, later
        const AppointmentRepository appointments(m_temp->database());
        const ClinicTime::Range morning{36000, 40200};
        const auto ids = [](const Result<QList<Appointment>> &read) {
            QList<qint64> found;
            for (const Appointment &a : read.value())
                found.append(a.id);
            return found;
        };
        const auto whole = appointments.occupying(morning);
        QVERIFY2(whole.ok(), qPrintable(whole.ok() ? QString() : whole.error().message()));
        QCOMPARE(ids(whole), (QList<qint64>{1, 2, 3}));
        // Practitioner 1, no room, patient 3: the first by its practitioner, the second by its patient.
        const auto noRoom = appointments.occupying(morning, 1, std::nullopt, 3);
        QVERIFY(noRoom.ok());
        QCOMPARE(ids(noRoom), (QList<qint64>{1, 2}));
        // Practitioner 2, room 1, patient 1: the first by its room and patient, the others by their practitioner.
        QCOMPARE(ids(appointments.occupying(morning, 2, 1, 1)), (QList<qint64>{1, 2, 3}));
        // Another practitioner and room, patient 2: the third only.
        QCOMPARE(ids(appointments.occupying(morning, 7, 7, 2)), (QList<qint64>{3}));
        // From 11:00 the first appointment's clean-up still holds its practitioner; the others have ended.
        QCOMPARE(ids(appointments.occupying({39600, 40000}, 1, 2, 2)), (QList<qint64>{1}));
    }

    void checkConstraintsRefuseImpossibleRows()
    {
        QCOMPARE(insert(2, 2, 2, 50000, 50000), QStringLiteral("input.constraint")); // ends at start
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(!query.exec(QStringLiteral("UPDATE appointment SET status = 'lost' WHERE id = 1")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE appointment SET status = 'cancelled' WHERE id = 1"))); // no reason
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO appointment_type (name, duration_min) VALUES ('Too long', 600)")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE patient SET birth_date = '1990-02-30' WHERE id = 1")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM patient WHERE id = 1"))); // has an appointment
    }
};

QTEST_GUILESS_MAIN(TestAppointmentOverlap)
#include "tst_appointmentoverlap.moc"
