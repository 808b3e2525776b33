#include "ScheduleRows.h"
#include "treatment/RecallListModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace dermdesk;

// The recall list as a table, and sorted by a QSortFilterProxyModel as the recall panel shows it: both pass the
// model tester while the list is built for other dates and horizons and again after a session is booked.
class TestRecallListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    const QTimeZone m_zone{"America/New_York"};
    const QDate m_today{2026, 11, 26};
    qint64 m_joannasPlan = 0;

    // An active 4-session plan (4 to 6 weeks apart) for `patient` whose first session was done on `last`.
    qint64 planDoneOn(qint64 patient, const QDate &last)
    {
        Database &db = m_temp->database();
        const qint64 plan = test::insertPlan(db, patient, QStringLiteral("active"), 4);
        const qint64 done =
            test::insertAppointment(db, patient, test::newYork(last.year(), last.month(), last.day(), 9), 60,
                                    QStringLiteral("completed"));
        return plan && done && test::insertSession(db, plan, 1, done) ? plan : 0;
    }

    static QStringList patients(const QAbstractItemModel &model)
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << model.index(row, RecallListModel::PatientColumn).data().toString();
        return names;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        // Joanna's second session is due 17 Nov to 1 Dec; Jürgen's opens on 18 Dec.
        m_joannasPlan = planDoneOn(1, QDate(2026, 10, 20));
        QVERIFY(m_joannasPlan);
        QVERIFY(planDoneOn(2, QDate(2026, 11, 20)));
    }

    void cleanup() { m_temp.reset(); }

    void passesTheModelTesterThroughLoadsSortedAsThePanelShowsIt()
    {
        RecallListModel model(m_temp->database(), m_zone);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(RecallListModel::SortRole);
        sorted.sort(RecallListModel::DueColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sortedTester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        QVERIFY(model.load(m_today, 14));
        QCOMPARE(patients(sorted), QStringList{QStringLiteral("Joanna Smith")});
        // A longer horizon brings in the plan whose window opens later; the latest due comes first.
        QVERIFY(model.load(m_today, 30));
        QCOMPARE(patients(sorted),
                 (QStringList{QStringLiteral("J\u00fcrgen M\u00fcller"), QStringLiteral("Joanna Smith")}));
        QCOMPARE(patients(model).size(), 2);

        // Joanna's next session booked: she leaves the list when it is built again.
        Database &db = m_temp->database();
        const qint64 next = test::insertAppointment(db, 1, test::newYork(2026, 11, 30, 9), 60);
        QVERIFY(next && test::insertSession(db, m_joannasPlan, 2, next));
        QVERIFY(model.load(m_today, 30));
        QCOMPARE(patients(sorted), QStringList{QStringLiteral("J\u00fcrgen M\u00fcller")});

        // Another day: a week later Jürgen's window is still ahead, within a 30-day horizon.
        QVERIFY(model.load(m_today.addDays(7), 30));
        QCOMPARE(model.date(), m_today.addDays(7));
        QCOMPARE(patients(sorted), QStringList{QStringLiteral("J\u00fcrgen M\u00fcller")});
        QVERIFY(model.load(m_today, 0));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRecallListModel)
#include "tst_recalllistmodel.moc"
