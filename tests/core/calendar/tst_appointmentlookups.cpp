#include "FakeClock.h"
#include "ScheduleRows.h"
#include "calendar/AppointmentRepository.h"
#include "storage/SqlValue.h"

#include <QtTest>

using namespace dermdesk;
using test::newYork;

// The appointment facts the rest of the clinic reads through AppointmentRepository: treatment plans by
// appointment id, the patient list's next visits, the patient-record tools. "Now" is 2026-11-26 14:00 UTC.
class TestAppointmentLookups : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};

    AppointmentRepository repository() { return AppointmentRepository(m_temp->database(), m_clock); }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        QVERIFY(
            test::exec(m_temp->database(),
                       QStringLiteral("INSERT INTO practitioner (id, display_name, title) VALUES (2, 'Dr. Two', '')")));
        QVERIFY(test::exec(m_temp->database(), QStringLiteral("INSERT INTO room (id, name) VALUES (2, 'Room 2')")));
    }

    void factsAreReadByIdWhateverTheirStatus()
    {
        Database &db = m_temp->database();
        const qint64 booked = test::insertAppointment(db, 1, newYork(2026, 12, 1, 9), 30);
        const qint64 cancelled =
            test::insertAppointment(db, 2, newYork(2026, 12, 1, 9), 45, QStringLiteral("cancelled"), 2, QVariant());
        QVERIFY(booked && cancelled);
        auto found = repository().facts({booked, cancelled, 999});
        QVERIFY(found.ok());
        QCOMPARE(found.value().size(), 2);
        const AppointmentFacts first = found.value().value(booked);
        QCOMPARE(first.patientId, qint64(1));
        QCOMPARE(first.practitionerId, qint64(1));
        QCOMPARE(first.roomId, std::optional<qint64>(1));
        QCOMPARE(first.startsAt, newYork(2026, 12, 1, 9));
        QCOMPARE(first.endsAt, newYork(2026, 12, 1, 9, 30));
        QVERIFY(first.holdsSlot() && first.isAhead());
        const AppointmentFacts second = found.value().value(cancelled);
        QCOMPARE(second.status, AppointmentStatus::Cancelled);
        QVERIFY(!second.roomId);
        QVERIFY(!second.holdsSlot() && !second.isAhead());
        QVERIFY(repository().facts({}).value().isEmpty());
    }

    void factsOfMoreIdsThanOneListHolds()
    {
        Database &db = m_temp->database();
        QList<qint64> ids;
        for (int i = 0; i < int(sqlListBatch) + 20; ++i) {
            const qint64 id = test::insertAppointment(db, 1 + i % 2, newYork(2026, 6, 1, 8) + qint64(i) * 3600, 30,
                                                      QStringLiteral("completed"), 1 + i % 2, 1 + i % 2);
            QVERIFY(id);
            ids.append(id);
        }
        auto found = repository().facts(ids);
        QVERIFY(found.ok());
        QCOMPARE(found.value().size(), ids.size());
        QVERIFY(!found.value().value(ids.last()).isAhead());
        QCOMPARE(repository().count().value(), qint64(ids.size()));
    }

    void nextVisitIsTheFirstFromNowThatHoldsItsSlot()
    {
        Database &db = m_temp->database();
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 20, 9), 30));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 12, 1, 9), 30, QStringLiteral("cancelled")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 12, 2, 9), 30, QStringLiteral("no_show")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 12, 3, 9), 30, QStringLiteral("confirmed")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 12, 9, 9), 30));
        QVERIFY(test::insertAppointment(db, 2, newYork(2026, 11, 25, 9), 30));
        auto next = repository().nextVisits({1, 2, 3}, m_clock.now().toSecsSinceEpoch());
        QVERIFY(next.ok());
        QCOMPARE(next.value().size(), 1);
        QCOMPARE(next.value().value(1), newYork(2026, 12, 3, 9));
        QVERIFY(repository().nextVisits({}, 0).value().isEmpty());
    }

    void patientRecordToolsSeeEveryAppointmentOfThePatient()
    {
        Database &db = m_temp->database();
        const qint64 later = test::insertAppointment(db, 1, newYork(2026, 12, 8, 9), 30);
        const qint64 earlier = test::insertAppointment(db, 1, newYork(2026, 12, 1, 9), 30, QStringLiteral("cancelled"));
        QVERIFY(later && earlier);
        QVERIFY(test::exec(db,
                           QStringLiteral("INSERT INTO appointment_status_change (appointment_id, from_status, "
                                          "to_status, at, actor, reason) VALUES (?, 'booked', 'cancelled', 5, "
                                          "'desk', 'illness')"),
                           {earlier}));
        QCOMPARE(repository().idsOfPatient(1).value(), (QList<qint64>{earlier, later}));
        QVERIFY(repository().idsOfPatient(2).value().isEmpty());

        auto record = repository().recordOf(1);
        QVERIFY(record.ok());
        QCOMPARE(record.value().size(), 2);
        const QJsonObject first = record.value().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toInteger(), earlier);
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(first.value(QStringLiteral("practitioner_name")).toString(), QStringLiteral("Dr. Connie Hiers"));
        QCOMPARE(first.value(QStringLiteral("room_name")).toString(), QStringLiteral("Room 1"));
        QVERIFY(first.contains(QStringLiteral("type_name")));
        const QJsonArray history = first.value(QStringLiteral("history")).toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("illness"));
        QVERIFY(record.value().at(1).toObject().value(QStringLiteral("history")).toArray().isEmpty());
    }

    void overlapOfTwoPatientsCountsOnlyLiveAppointments()
    {
        Database &db = m_temp->database();
        const qint64 mine = test::insertAppointment(db, 1, newYork(2026, 12, 1, 9), 60);
        QVERIFY(test::insertAppointment(db, 2, newYork(2026, 12, 1, 9, 30), 60, QStringLiteral("cancelled"), 2, 2));
        QVERIFY(test::insertAppointment(db, 2, newYork(2026, 12, 1, 10), 30, QStringLiteral("booked"), 2, 2));
        auto none = repository().firstOverlap(1, 2);
        QVERIFY(none.ok());
        QVERIFY(!none.value());

        const qint64 theirs =
            test::insertAppointment(db, 2, newYork(2026, 12, 1, 9, 45), 10, QStringLiteral("confirmed"), 2, QVariant());
        QVERIFY(theirs);
        auto found = repository().firstOverlap(1, 2);
        QVERIFY(found.ok() && found.value());
        QCOMPARE(found.value()->firstId, mine);
        QCOMPARE(found.value()->secondId, theirs);
        QCOMPARE(found.value()->startsAt, newYork(2026, 12, 1, 9));
    }

    void reassigningMovesEveryAppointmentOfThePatient()
    {
        Database &db = m_temp->database();
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 12, 1, 9), 30));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 12, 2, 9), 30, QStringLiteral("no_show")));
        AppointmentRepository writer(db, m_clock);
        QVERIFY(writer.reassignPatient(1, 2).ok());
        QVERIFY(repository().idsOfPatient(1).value().isEmpty());
        QCOMPARE(repository().idsOfPatient(2).value().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAppointmentLookups)
#include "tst_appointmentlookups.moc"
