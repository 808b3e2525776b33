#include "FakeClock.h"
#include "TempDatabase.h"
#include "education/HandoutLogRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace dermdesk;

// Every printed handout is logged with the template versions it held, and the patient page lists them.
class TestHandoutLogRepository : public QObject
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
        QVERIFY(m_temp->seedMinimalClinic());
    }

    void cleanup() { m_temp.reset(); }

    void recordsAndListsNewestFirst()
    {
        HandoutLogRepository log(m_temp->database(), m_clock);
        HandoutRecord first;
        first.patientId = 1;
        first.guideSections = {QStringLiteral("Benefits of Microneedling"), QStringLiteral("In closing")};
        first.guideDate = QStringLiteral("April 19, 2024");
        first.templates = {{1, 1, {}}, {3, 1, {}}};
        QVERIFY(log.record(first).ok());
        m_clock.advanceSecs(3600);
        HandoutRecord card;
        card.patientId = 1;
        card.document = QStringLiteral("appointment_card");
        card.output = QStringLiteral("pdf");
        QVERIFY(log.record(card).ok());

        auto listed = log.forPatient(1);
        QVERIFY(listed.ok());
        QCOMPARE(listed.value().size(), 2);
        QCOMPARE(listed.value().at(0).document, QStringLiteral("appointment_card"));
        const HandoutRecord &handout = listed.value().at(1);
        QCOMPARE(handout.guideSections, first.guideSections);
        QCOMPARE(handout.printedAt, m_clock.now().addSecs(-3600).toSecsSinceEpoch());
        QVERIFY(!handout.printedBy.isEmpty());
        QCOMPARE(handout.templates.size(), 2);
        QCOMPARE(handout.templates.at(0).title, QStringLiteral("Aftercare"));
        QCOMPARE(handout.templates.at(1).title, QStringLiteral("Before your treatment"));
        QVERIFY(log.forPatient(2).value().isEmpty());
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'handout_printed'"))
                     .toInt(),
                 2);
    }

    void anUnknownPatientIsNotFound()
    {
        HandoutRecord record;
        record.patientId = 42;
        auto logged = HandoutLogRepository(m_temp->database(), m_clock).record(record);
        QVERIFY(!logged.ok());
        QCOMPARE(logged.error().kind(), ErrorKind::NotFound);
    }

    void theLogIsAppendOnly()
    {
        HandoutRecord record;
        record.patientId = 1;
        QVERIFY(HandoutLogRepository(m_temp->database(), m_clock).record(record).ok());
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(!query.exec(QStringLiteral("UPDATE handout_log SET printed_by = 'someone else'")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM handout_log")));
    }
};

QTEST_GUILESS_MAIN(TestHandoutLogRepository)
#include "tst_handoutlogrepository.moc"
