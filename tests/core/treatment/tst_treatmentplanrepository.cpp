#include "FakeClock.h"
#include "PlanClinic.h"
#include "ScheduleRows.h"
#include "treatment/TreatmentPlanRepository.h"

#include <QtTest>

using namespace dermdesk;
using test::newYork;

// The open plans: which are listed, how far along each is and when its next session is.
class TestTreatmentPlanRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
    }

    void listsOpenPlansWithProgressAndNextSession()
    {
        Database &db = m_temp->database();
        // Joanna: active, session 1 done (recorded), session 2 completed, session 3 booked, session 4 cancelled.
        const qint64 joanna = test::insertPlan(db, 1, QStringLiteral("active"), 4);
        QVERIFY(joanna);
        const qint64 a1 = test::insertAppointment(db, 1, newYork(2026, 9, 1, 9), 60, QStringLiteral("completed"));
        const qint64 a2 = test::insertAppointment(db, 1, newYork(2026, 10, 6, 9), 60, QStringLiteral("completed"));
        const qint64 a3 = test::insertAppointment(db, 1, newYork(2026, 12, 8, 9), 60);
        const qint64 a4 = test::insertAppointment(db, 1, newYork(2026, 12, 1, 9), 60, QStringLiteral("cancelled"));
        QVERIFY(test::insertSession(db, joanna, 1, a1, newYork(2026, 9, 1, 10)));
        QVERIFY(test::insertSession(db, joanna, 2, a2));
        QVERIFY(test::insertSession(db, joanna, 3, a3));
        QVERIFY(test::insertSession(db, joanna, 4, a4));
        // Jürgen: proposed, nothing booked yet; also a finished and a stopped plan that must not show.
        QVERIFY(test::insertPlan(db, 2, QStringLiteral("proposed"), 3, QStringLiteral("fine lines")));
        QVERIFY(test::insertPlan(db, 2, QStringLiteral("completed"), 3));
        QVERIFY(test::insertPlan(db, 2, QStringLiteral("stopped"), 3));

        const auto plans = TreatmentPlanRepository(db, m_clock).openPlans();
        QVERIFY(plans.ok());
        QCOMPARE(plans.value().size(), 2);

        const PlanSummary &first = plans.value().at(0);
        QCOMPARE(first.id, joanna);
        QCOMPARE(first.patientName, QStringLiteral("Joanna Smith"));
        QCOMPARE(first.status, PlanSummary::Status::Active);
        QCOMPARE(first.sessionsDone, 2);
        QCOMPARE(first.sessionsPlanned, 4);
        QCOMPARE(first.nextSessionAt, std::optional<qint64>(newYork(2026, 12, 8, 9)));
        QCOMPARE(first.concerns, QStringLiteral("acne scars"));
        QCOMPARE(first.areas, QStringLiteral("face"));
        QCOMPARE(first.typeName, QStringLiteral("Microneedling face"));
        QCOMPARE(first.practitionerName, QStringLiteral("Dr. Connie Hiers"));

        const PlanSummary &second = plans.value().at(1);
        QCOMPARE(second.patientName, QStringLiteral("Jürgen Müller"));
        QCOMPARE(second.status, PlanSummary::Status::Proposed);
        QCOMPARE(second.sessionsDone, 0);
        QVERIFY(!second.nextSessionAt.has_value());
    }

    void aPlansAreasReadBackInTheOrderTheyWereEntered()
    {
        // Not alphabetical: the practitioner listed the neck first, then the face.
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO practitioner_type (practitioner_id, type_id) VALUES (1, 1)")));
        TreatmentPlan plan = test::microneedlingPlan();
        plan.areas = {{QStringLiteral("neck"), 0.75}, {QStringLiteral("face"), 1.0}, {QStringLiteral("décolleté"), {}}};
        TreatmentPlanRepository plans(m_temp->database(), m_clock);
        auto created = plans.create(plan);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message()));
        auto found = plans.find(created.value().id);
        QVERIFY(found);
        QCOMPARE(found.value().areas, plan.areas);

        // Edited: the face moves to the front.
        TreatmentPlan edited = found.value();
        edited.areas = {{QStringLiteral("face"), 1.0}, {QStringLiteral("neck"), 0.75}};
        QVERIFY(plans.update(edited));
        QCOMPARE(plans.find(edited.id).value().areas, edited.areas);
    }

    void archivedPatientsPlansAreNotListed()
    {
        Database &db = m_temp->database();
        const qint64 archived = test::insertPatient(db, QStringLiteral("Gone"), QStringLiteral("Away"), true);
        QVERIFY(test::insertPlan(db, archived, QStringLiteral("active"), 4));
        const auto plans = TreatmentPlanRepository(db, m_clock).openPlans();
        QVERIFY(plans.ok());
        QVERIFY(plans.value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTreatmentPlanRepository)
#include "tst_treatmentplanrepository.moc"
