#include "FakeClock.h"
#include "ScheduleRows.h"
#include "treatment/PlanListModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace dermdesk;

class TestPlanListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    const QTimeZone m_zone{"America/New_York"};

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        Database &db = m_temp->database();
        const qint64 plan = test::insertPlan(db, 1, QStringLiteral("active"), 4);
        QVERIFY(plan);
        const qint64 done =
            test::insertAppointment(db, 1, test::newYork(2026, 10, 6, 9), 60, QStringLiteral("completed"));
        const qint64 next = test::insertAppointment(db, 1, test::newYork(2026, 12, 8, 9), 60);
        QVERIFY(test::insertSession(db, plan, 1, done));
        QVERIFY(test::insertSession(db, plan, 2, next));
        QVERIFY(test::insertPlan(db, 2, QStringLiteral("proposed"), 3, QStringLiteral("fine lines")));
    }

    void isEmptyUntilLoaded()
    {
        PlanListModel model(m_temp->database(), m_zone, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!model.isLoaded());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.load());
        QVERIFY(model.isLoaded());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.load());
        QCOMPARE(model.rowCount(), 2);
    }

    void passesTheModelTesterThroughReloads()
    {
        PlanListModel model(m_temp->database(), m_zone, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load());
        QCOMPARE(model.rowCount(), 2);
        // A plan made elsewhere shows once the list is loaded again; so does a session recorded since.
        const qint64 added =
            test::insertPlan(m_temp->database(), 2, QStringLiteral("active"), 5, QStringLiteral("stretch marks"));
        QVERIFY(added);
        QVERIFY(model.load());
        QCOMPARE(model.rowCount(), 3);
        int row = 0;
        while (row < model.rowCount() && model.index(row, 0).data(PlanListModel::PlanIdRole).toLongLong() != added)
            ++row;
        QVERIFY(row < model.rowCount());
        QCOMPARE(model.index(row, PlanListModel::ProgressColumn).data().toString(), QStringLiteral("0 of 5"));
        const qint64 done = test::insertAppointment(m_temp->database(), 2, test::newYork(2026, 11, 20, 9), 60,
                                                    QStringLiteral("completed"));
        QVERIFY(done && test::insertSession(m_temp->database(), added, 1, done));
        QVERIFY(model.load());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(row, PlanListModel::ProgressColumn).data().toString(), QStringLiteral("1 of 5"));
    }

    void showsProgressAndNextSession()
    {
        PlanListModel model(m_temp->database(), m_zone, m_clock);
        QVERIFY(model.load());
        const auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, PlanListModel::PatientColumn), QStringLiteral("Joanna Smith"));
        QCOMPARE(text(0, PlanListModel::ConcernsColumn), QStringLiteral("acne scars (face)"));
        QCOMPARE(text(0, PlanListModel::StatusColumn), QStringLiteral("Active"));
        QCOMPARE(text(0, PlanListModel::ProgressColumn), QStringLiteral("1 of 4"));
        QCOMPARE(text(0, PlanListModel::NextSessionColumn),
                 QLocale::c().toString(QDate(2026, 12, 8), QLocale::ShortFormat));
        QCOMPARE(text(1, PlanListModel::StatusColumn), QStringLiteral("Proposed"));
        QCOMPARE(text(1, PlanListModel::ProgressColumn), QStringLiteral("0 of 3"));
        QCOMPARE(text(1, PlanListModel::NextSessionColumn), QStringLiteral("not booked"));
        QCOMPARE(model.index(0, 0).data(PlanListModel::SessionsDoneRole).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPlanListModel)
#include "tst_planlistmodel.moc"
