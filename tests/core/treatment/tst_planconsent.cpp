#include "FakeClock.h"
#include "PlanClinic.h"
#include "storage/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace dermdesk;

// Recording a plan's signed consent (TreatmentPlanRepository::recordConsent): the form version and the local
// date in the clinic's zone (New York) are stored with who recorded them and audited; a blank or too long
// version, a missing date and a date after the clinic's today are refused naming the field, nothing written.
class TestPlanConsent : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    TreatmentPlan m_plan;

    qint64 count(const QString &sql) { return test::scalar(m_temp->database(), sql); }
    qint64 consentAudits() { return count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'consent'")); }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(test::seedScheduleClinic(*m_temp));
        // 22:00 on 26 November in New York, already the 27th in UTC.
        m_clock.set(QDateTime(QDate(2026, 11, 27), QTime(3, 0), Qt::UTC));
        m_plan = TreatmentPlanRepository(m_temp->database(), m_clock).create(test::microneedlingPlan()).value();
    }

    void cleanup() { m_temp.reset(); }

    void recordsVersionDateAndWhoAndAuditsIt()
    {
        TreatmentPlanRepository plans(m_temp->database(), m_clock);
        QVERIFY(!plans.find(m_plan.id).value().consentDate.isValid());
        QVERIFY(plans.recordConsent(m_plan.id, QStringLiteral("  MN-2026-1 "), QDate(2026, 11, 20)).ok());
        // Today in the clinic's zone is accepted.
        QVERIFY(plans.recordConsent(m_plan.id, QStringLiteral("MN-2026-2"), QDate(2026, 11, 26)).ok());
        const TreatmentPlan stored = plans.find(m_plan.id).value();
        QCOMPARE(stored.consentFormVersion, QStringLiteral("MN-2026-2"));
        QCOMPARE(stored.consentDate, QDate(2026, 11, 26));
        QCOMPARE(stored.consentRecordedBy, m_temp->database().actor().person);
        QCOMPARE(consentAudits(), qint64(2));

        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT entity, entity_id, details FROM audit_log WHERE action = 'consent' "
                                          "ORDER BY id DESC LIMIT 1")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("treatment_plan"));
        QCOMPARE(query.value(1).toLongLong(), m_plan.id);
        const QJsonObject details = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("before")).toObject().value(QStringLiteral("form_version")).toString(),
                 QStringLiteral("MN-2026-1"));
        QCOMPARE(details.value(QStringLiteral("after")).toObject().value(QStringLiteral("date")).toString(),
                 QStringLiteral("2026-11-26"));
    }

    void refusedNamingTheField_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        QTest::newRow("blank version") << QStringLiteral("   ") << QDate(2026, 11, 20)
                                       << QStringLiteral("consent_form_version") << QStringLiteral("version");
        QTest::newRow("version too long") << QString(41, QLatin1Char('v')) << QDate(2026, 11, 20)
                                          << QStringLiteral("consent_form_version") << QStringLiteral("40");
        QTest::newRow("no date") << QStringLiteral("MN-2026-1") << QDate() << QStringLiteral("consent_date")
                                 << QStringLiteral("date");
        // The 27th is already today in UTC but not yet in New York.
        QTest::newRow("tomorrow in the clinic") << QStringLiteral("MN-2026-1") << QDate(2026, 11, 27)
                                                << QStringLiteral("consent_date") << QStringLiteral("future");
    }

    void refusedNamingTheField()
    {
        QFETCH(QString, version);
        QFETCH(QDate, date);
        QFETCH(QString, field);
        QFETCH(QString, says);
        TreatmentPlanRepository plans(m_temp->database(), m_clock);
        const Status refused = plans.recordConsent(m_plan.id, version, date);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field(), field);
        QCOMPARE(refused.error().exitCode(), 2);
        QVERIFY2(refused.error().message().contains(says), qPrintable(refused.error().message()));
        const TreatmentPlan stored = plans.find(m_plan.id).value();
        QVERIFY(stored.consentFormVersion.isEmpty());
        QVERIFY(!stored.consentDate.isValid());
        QCOMPARE(consentAudits(), qint64(0));
    }

    void unknownPlanIsNotFound()
    {
        const Status refused = TreatmentPlanRepository(m_temp->database(), m_clock)
                                   .recordConsent(999, QStringLiteral("v3"), QDate(2026, 11, 1));
        QCOMPARE(refused.error().exitCode(), 4);
        QCOMPARE(consentAudits(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestPlanConsent)
#include "tst_planconsent.moc"
