#include "FakeClock.h"
#include "ScheduleRows.h"
#include "calendar/AppointmentRepository.h"
#include "patients/PatientListModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace dermdesk;

class TestPatientListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<AppointmentRepository> m_appointments;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC)};
    const QTimeZone m_zone{"America/New_York"};

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        m_appointments = std::make_unique<AppointmentRepository>(m_temp->database(), m_clock);
        for (int i = 0; i < 12; ++i)
            QVERIFY(test::insertPatient(m_temp->database(), QStringLiteral("Patient %1").arg(i),
                                        QStringLiteral("Miller%1").arg(i, 2, 10, QLatin1Char('0'))));
    }

    void passesTheModelTesterAcrossSearches()
    {
        PatientListModel model(m_temp->database(), *m_appointments, m_zone, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.search(QStringLiteral("mü")));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.search(QStringLiteral("mi")));
        QCOMPARE(model.rowCount(), 12);
        QVERIFY(model.search(QStringLiteral("nobody")));
        QCOMPARE(model.rowCount(), 0);
    }

    void passesTheModelTesterWhenSearchedAgain()
    {
        PatientListModel model(m_temp->database(), *m_appointments, m_zone, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.search(QStringLiteral("miller")));
        QCOMPARE(model.rowCount(), 12);
        // A patient added elsewhere shows when the same search runs again; one archived since leaves it.
        QVERIFY(test::insertPatient(m_temp->database(), QStringLiteral("Ann"), QStringLiteral("Miller12")));
        QVERIFY(model.search(QStringLiteral("miller")));
        QCOMPARE(model.rowCount(), 13);
        QVERIFY(test::exec(m_temp->database(), QStringLiteral("UPDATE patient SET archived = 1 WHERE family_name = ?"),
                           {QStringLiteral("Miller03")}));
        QVERIFY(model.search(QStringLiteral("miller")));
        QCOMPARE(model.rowCount(), 12);
        // Pages smaller than the matches.
        model.setPageSize(5);
        QVERIFY(model.search(QStringLiteral("miller")));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.hasMore());
    }

    void loadsOnePage()
    {
        PatientListModel model(m_temp->database(), *m_appointments, m_zone, m_clock);
        model.setPageSize(5);
        QVERIFY(model.search(QStringLiteral("mi")));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.hasMore());
        // A page holds the newest matches (the Millers added last), shown in name order.
        QStringList page;
        for (int row = 0; row < model.rowCount(); ++row)
            page.append(model.index(row, PatientListModel::NameColumn).data().toString());
        QStringList sorted = page;
        sorted.sort();
        QCOMPARE(page, sorted);
        QVERIFY(page.contains(QStringLiteral("Miller10, Patient 10")));
        QVERIFY(!page.contains(QStringLiteral("Miller00, Patient 0")));
        QVERIFY(model.search(QStringLiteral("miller1")));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.hasMore());
    }

    void showsPatientDetails()
    {
        QVERIFY(test::insertAppointment(m_temp->database(), 2, test::newYork(2026, 12, 3, 9, 30), 30));
        PatientListModel model(m_temp->database(), *m_appointments, m_zone, m_clock);
        QVERIFY(model.search(QStringLiteral("Müller")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, PatientListModel::NameColumn).data().toString(), QStringLiteral("Müller, Jürgen"));
        QCOMPARE(model.index(0, PatientListModel::NameColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Jürgen Müller"));
        QCOMPARE(model.index(0, PatientListModel::BirthDateColumn).data().toString(),
                 QLocale::c().toString(QDate(1975, 12, 30), QLocale::ShortFormat));
        QCOMPARE(model.index(0, PatientListModel::NextVisitColumn).data().toString(),
                 QLocale::c().toString(QDate(2026, 12, 3), QLocale::ShortFormat) + QStringLiteral(" 09:30"));
        QCOMPARE(model.index(0, 0).data(PatientListModel::PatientIdRole).toLongLong(), qint64(2));
    }

    void nextVisitIsTheNextAppointmentThatHoldsItsSlot()
    {
        Database &db = m_temp->database();
        QVERIFY(test::insertAppointment(db, 2, test::newYork(2026, 11, 20, 9), 30));
        QVERIFY(test::insertAppointment(db, 2, test::newYork(2026, 12, 1, 9), 30, QStringLiteral("cancelled")));
        QVERIFY(test::insertAppointment(db, 2, test::newYork(2026, 12, 2, 9), 30, QStringLiteral("no_show")));
        QVERIFY(test::insertAppointment(db, 2, test::newYork(2026, 12, 3, 9), 30));
        QVERIFY(test::insertAppointment(db, 2, test::newYork(2026, 12, 10, 9), 30));
        PatientListModel model(db, *m_appointments, m_zone, m_clock);
        QVERIFY(model.search(QStringLiteral("m")));
        QVERIFY(model.rowCount() > 1);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            const QVariant next = index.data(PatientListModel::NextVisitRole);
            if (index.data(PatientListModel::PatientIdRole).toLongLong() == 2) {
                QCOMPARE(next.toLongLong(), test::newYork(2026, 12, 3, 9));
            } else {
                QVERIFY(next.isNull());
                QCOMPARE(model.index(row, PatientListModel::NextVisitColumn).data().toString(), QString());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPatientListModel)
#include "tst_patientlistmodel.moc"
