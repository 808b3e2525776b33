#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BookingService.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

namespace {
const QDate monday(2026, 11, 30);
} // namespace

// BookingService::revertStatus: the undo of a status change, guarded against other desks.
class TestRevertStatus : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    std::unique_ptr<BookingService> m_repo;
    qint64 m_id = 0;

    int count(const QString &sql)
    {
        QSqlQuery query(m_temp->database().connection());
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        QVERIFY(test::screenFixturePatients(*m_temp, test::dayBeforeTestNow));
        m_repo = std::make_unique<BookingService>(m_temp->database(), m_clock);
        auto booked = m_repo->book(test::bookingRequest(1, 1, 1, newYorkAt(monday, 9)));
        QVERIFY(booked);
        m_id = booked.value().id;
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
    }

    void undoesAConfirmationWithHistoryAndAudit()
    {
        QVERIFY(m_repo->changeStatus(m_id, AppointmentStatus::Confirmed));
        auto reverted = m_repo->revertStatus(m_id, AppointmentStatus::Confirmed, AppointmentStatus::Booked);
        QVERIFY(reverted);
        QCOMPARE(reverted.value().appointment.status, AppointmentStatus::Booked);
        QCOMPARE(m_repo->appointments().find(m_id).value().status, AppointmentStatus::Booked);
        const auto history = m_repo->appointments().history(m_id).value();
        QCOMPARE(history.last().to, AppointmentStatus::Booked);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'status.undo'")), 1);
    }

    void unCancellingClearsTheReason()
    {
        QVERIFY(m_repo->cancel(m_id, CancelReason{CancelCategory::Illness, QStringLiteral("fever")}));
        auto reverted = m_repo->revertStatus(m_id, AppointmentStatus::Cancelled, AppointmentStatus::Booked);
        QVERIFY(reverted);
        const Appointment a = m_repo->appointments().find(m_id).value();
        QCOMPARE(a.status, AppointmentStatus::Booked);
        QVERIFY(a.cancelReason.isEmpty());
        QVERIFY(!a.cancelCategory);
        QVERIFY(!a.lateCancel);
    }

    void refusesWhenTheSlotWasTakenMeanwhile()
    {
        QVERIFY(m_repo->cancel(m_id, CancelReason{CancelCategory::PatientRequest, QString()}));
        QVERIFY(m_repo->book(test::bookingRequest(2, 1, 2, newYorkAt(monday, 9, 30))));
        auto reverted = m_repo->revertStatus(m_id, AppointmentStatus::Cancelled, AppointmentStatus::Booked);
        QVERIFY(!reverted);
        QCOMPARE(reverted.error().kind(), ErrorKind::Rule);
        QCOMPARE(reverted.error().code(), QStringLiteral("rule.overlap.practitioner"));
        QCOMPARE(m_repo->appointments().find(m_id).value().status, AppointmentStatus::Cancelled);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'status.undo'")), 0);
    }

    void refusesWhenSomeoneElseChangedIt()
    {
        QVERIFY(m_repo->changeStatus(m_id, AppointmentStatus::Confirmed));
        QVERIFY(m_repo->changeStatus(m_id, AppointmentStatus::Arrived));
        auto reverted = m_repo->revertStatus(m_id, AppointmentStatus::Confirmed, AppointmentStatus::Booked);
        QVERIFY(!reverted);
        QCOMPARE(reverted.error().code(), QStringLiteral("rule.status.changed"));
        QCOMPARE(m_repo->appointments().find(m_id).value().status, AppointmentStatus::Arrived);
    }

    void unknownAppointmentIsNotFound()
    {
        auto reverted = m_repo->revertStatus(9999, AppointmentStatus::Confirmed, AppointmentStatus::Booked);
        QVERIFY(!reverted);
        QCOMPARE(reverted.error().kind(), ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestRevertStatus)
#include "tst_revertstatus.moc"
