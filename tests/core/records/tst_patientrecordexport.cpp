#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "calendar/BookingService.h"
#include "records/PatientRecordExport.h"

#include <QJsonArray>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

// A patient's complete record as JSON and HTML.
class TestPatientRecordExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedScheduleClinic(*m_temp));
    }

    void cleanup() { m_temp.reset(); }

    void recordHoldsAppointmentsHistoryAndAudit()
    {
        BookingService appointments(m_temp->database(), m_clock);
        auto booked = appointments.book(test::bookingRequest(1, 1, 2, newYorkAt(QDate(2026, 11, 30), 9)));
        QVERIFY(booked);
        QVERIFY(appointments.cancel(booked.value().id, {CancelCategory::Illness, {}}));
        QVERIFY(test::runAll(m_temp->database(),
                             {QStringLiteral("UPDATE patient SET notes = '<script>alert(1)</script>' WHERE id = 1")}));

        auto record = PatientRecordExport(m_temp->database()).toJson(1);
        QVERIFY(record);
        const QJsonArray list = record.value().value(QStringLiteral("appointments")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("history")).toArray().size(), 2);
        QCOMPARE(list.first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QStringList actions;
        for (const QJsonValue &entry : record.value().value(QStringLiteral("audit")).toArray())
            actions << entry.toObject().value(QStringLiteral("action")).toString();
        QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("status")}));

        auto html = PatientRecordExport(m_temp->database()).toHtml(1);
        QVERIFY(html);
        QVERIFY(html.value().contains(QLatin1String("Joanna Smith")));
        QVERIFY(html.value().contains(QLatin1String("&lt;script&gt;")));
        QVERIFY(!html.value().contains(QLatin1String("<script>")));
        // Times shown in the clinic's zone.
        QVERIFY(html.value().contains(QLatin1String("2026-11-30 09:00")));
    }

    void recordWithoutAppointmentsHoldsThePatientsOwnAudit()
    {
        QVERIFY(test::runAll(m_temp->database(), {QStringLiteral("INSERT INTO audit_log (at, actor, workstation, "
                                                                 "action, entity, entity_id, details) VALUES "
                                                                 "(1, 'desk', 'ws', 'update', 'patient', 2, '{}')")}));
        auto record = PatientRecordExport(m_temp->database()).toJson(2);
        QVERIFY(record);
        QVERIFY(record.value().value(QStringLiteral("appointments")).toArray().isEmpty());
        const QJsonArray audit = record.value().value(QStringLiteral("audit")).toArray();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().toObject().value(QStringLiteral("entity_id")).toInteger(), qint64(2));
    }

    void anUnknownPatientIsNotFound()
    {
        auto record = PatientRecordExport(m_temp->database()).toJson(99);
        QVERIFY(!record);
        QCOMPARE(record.error().code(), QStringLiteral("not_found.patient"));
    }
};

QTEST_GUILESS_MAIN(TestPatientRecordExport)
#include "tst_patientrecordexport.moc"
