#include "ScheduleRows.h"
#include "calendar/ScheduleSetupCache.h"
#include "storage/Transaction.h"

#include <QtTest>

using namespace dermdesk;

// The set-up a desk keeps between bookings: whoever changes a practitioner, a room, a type, the opening hours or the
// clinic's settings (this desk, another desk, psql or sqlite3), the next booking sees it; bookings and patients
// written meanwhile do not make it read again.
class TestScheduleSetupCache : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<Database> m_other;

    QString practitionerName(const ScheduleSetupCache &cache)
    {
        const auto setup = cache.get();
        if (!setup)
            return setup.error().message();
        const Practitioner *found = setup.value().practitioner(1);
        return found ? found->displayName : QStringLiteral("(none)");
    }

    qint64 changeCount()
    {
        return m_temp->scalar(QStringLiteral("SELECT sum(n) FROM dermdesk_setup_change")).toLongLong();
    }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        auto other = m_temp->reopen();
        QVERIFY2(other, other ? "" : qPrintable(other.error().message()));
        m_other = std::move(other).value();
    }

    void cleanup()
    {
        m_other.reset();
        m_temp.reset();
    }

    void aChangeAtAnotherDeskIsSeenAtTheNextGet()
    {
        const ScheduleSetupCache cache(m_temp->database());
        const QString before = practitionerName(cache);
        QVERIFY(!before.isEmpty());
        QVERIFY(
            test::exec(*m_other, QStringLiteral("UPDATE practitioner SET display_name = 'Dr. Renamed' WHERE id = 1")));
        QCOMPARE(practitionerName(cache), QStringLiteral("Dr. Renamed"));
    }

    void everySetUpTableCounts_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("clinic settings") << QStringLiteral("UPDATE clinic_settings SET slot_minutes = 10");
        QTest::newRow("opening hours") << QStringLiteral(
            "INSERT INTO opening_hours (weekday, opens_min, closes_min) VALUES (1, 480, 1080)");
        QTest::newRow("practitioner") << QStringLiteral("UPDATE practitioner SET colour = '#123456'");
        QTest::newRow("practitioner hours") << QStringLiteral(
            "INSERT INTO practitioner_hours (practitioner_id, weekday, starts_min, ends_min) VALUES (1, 1, 480, 1020)");
        QTest::newRow("practitioner types")
            << QStringLiteral("INSERT INTO practitioner_type (practitioner_id, type_id) VALUES (1, 1)");
        QTest::newRow("room") << QStringLiteral("UPDATE room SET name = 'Suite'");
        QTest::newRow("room types") << QStringLiteral("INSERT INTO room_type (room_id, type_id) VALUES (1, 1)");
        QTest::newRow("appointment type") << QStringLiteral("UPDATE appointment_type SET duration_min = 45");
    }

    // Each table the set-up is read from moves the count, written from another connection as psql would.
    void everySetUpTableCounts()
    {
        QFETCH(QString, sql);
        const qint64 before = changeCount();
        QVERIFY(test::exec(*m_other, sql));
        QVERIFY(changeCount() > before);
    }

    // A change made through this desk's own connection inside a transaction is seen within that transaction.
    void ownChangeInsideATransaction()
    {
        const ScheduleSetupCache cache(m_temp->database());
        QVERIFY(!practitionerName(cache).isEmpty());
        {
            Transaction transaction(m_temp->database());
            QVERIFY(transaction.begin());
            QVERIFY(test::exec(m_temp->database(), QStringLiteral("UPDATE practitioner SET display_name = 'Dr. Own'")));
            QCOMPARE(practitionerName(cache), QStringLiteral("Dr. Own"));
        }
        // Rolled back, and another desk renames the practitioner once (the count is where the rolled-back change
        // had taken it): the cache shows the other desk's name, never the name that was rolled back.
        QVERIFY(
            test::exec(*m_other, QStringLiteral("UPDATE practitioner SET display_name = 'Dr. Other' WHERE id = 1")));
        QCOMPARE(practitionerName(cache), QStringLiteral("Dr. Other"));
    }

    // Bookings and patients do not move the count: a desk keeps its set-up while the schedule fills.
    void bookingsAndPatientsLeaveTheCount()
    {
        const qint64 before = changeCount();
        QVERIFY(test::insertAppointment(*m_other, 1, test::newYork(2026, 12, 7, 9), 60));
        QVERIFY(test::exec(*m_other, QStringLiteral("UPDATE patient SET phone = '555 0100' WHERE id = 1")));
        QCOMPARE(changeCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestScheduleSetupCache)
#include "tst_schedulesetupcache.moc"
