#include "ScheduleRows.h"
#include "agenda/DayAgendaModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace dermdesk;
using test::newYork;

class TestDayAgendaModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    const QTimeZone m_zone{"America/New_York"};

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        Database &db = m_temp->database();
        QVERIFY(test::insertAppointment(db, 2, newYork(2026, 11, 26, 11, 30), 45, QStringLiteral("arrived")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 26, 9), 60, QStringLiteral("confirmed")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 27, 9), 60));
    }

    void passesTheModelTesterWhileChangingDays()
    {
        DayAgendaModel model(m_temp->database(), m_zone);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setDate(QDate(2026, 11, 26)));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.setDate(QDate(2026, 11, 25)));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.setDate(QDate(2026, 11, 27)));
        QCOMPARE(model.rowCount(), 1);
    }

    void passesTheModelTesterThroughReloads()
    {
        DayAgendaModel model(m_temp->database(), m_zone);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setDate(QDate(2026, 11, 26)));
        QCOMPARE(model.rowCount(), 2);
        // Booked elsewhere before the first visit of the day: loaded again, it leads the day.
        QVERIFY(test::insertAppointment(m_temp->database(), 2, newYork(2026, 11, 26, 8), 30));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, DayAgendaModel::PatientColumn).data().toString(),
                 QStringLiteral("J\u00fcrgen M\u00fcller"));
        QVERIFY(test::exec(m_temp->database(), QStringLiteral("DELETE FROM appointment WHERE starts_at = ?"),
                           {newYork(2026, 11, 26, 8)}));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.setDate(QDate(2026, 11, 27)));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 1);
    }

    void showsTheDayInClinicTime()
    {
        DayAgendaModel model(m_temp->database(), m_zone);
        QSignalSpy loaded(&model, &DayAgendaModel::loaded);
        QVERIFY(model.setDate(QDate(2026, 11, 26)));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(model.date(), QDate(2026, 11, 26));
        QCOMPARE(model.columnCount(), int(DayAgendaModel::ColumnCount));

        const auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, DayAgendaModel::TimeColumn), QStringLiteral("09:00 \u2013 10:00"));
        QCOMPARE(text(0, DayAgendaModel::PatientColumn), QStringLiteral("Joanna Smith"));
        QCOMPARE(text(0, DayAgendaModel::TypeColumn), QStringLiteral("Microneedling face"));
        QCOMPARE(text(0, DayAgendaModel::PractitionerColumn), QStringLiteral("Dr. Connie Hiers"));
        QCOMPARE(text(0, DayAgendaModel::RoomColumn), QStringLiteral("Room 1"));
        QCOMPARE(text(0, DayAgendaModel::StatusColumn), appointment_status::label(AppointmentStatus::Confirmed));
        QCOMPARE(text(1, DayAgendaModel::TimeColumn), QStringLiteral("11:30 \u2013 12:15"));
        QCOMPARE(text(1, DayAgendaModel::PatientColumn), QStringLiteral("Jürgen Müller"));

        const QModelIndex first = model.index(1, DayAgendaModel::PatientColumn);
        QCOMPARE(first.data(DayAgendaModel::StatusRole).toInt(), int(AppointmentStatus::Arrived));
        QCOMPARE(first.data(DayAgendaModel::StatusCodeRole).toString(), QStringLiteral("arrived"));
        QCOMPARE(first.data(DayAgendaModel::PatientIdRole).toLongLong(), qint64(2));
        QCOMPARE(first.data(DayAgendaModel::StartsAtRole).toLongLong(), newYork(2026, 11, 26, 11, 30));
        QCOMPARE(first.data(DayAgendaModel::PractitionerColourRole).toString(), QStringLiteral("#4f7cac"));
        QCOMPARE(model.headerData(DayAgendaModel::PatientColumn, Qt::Horizontal).toString(), QStringLiteral("Patient"));
    }

    void dstDayShowsLocalTimes()
    {
        Database &db = m_temp->database();
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 3, 8, 9), 60));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 1, 9), 60));
        DayAgendaModel model(db, m_zone);
        QVERIFY(model.setDate(QDate(2026, 3, 8)));
        QCOMPARE(model.range().to - model.range().from, qint64(23 * 3600));
        QCOMPARE(model.index(0, DayAgendaModel::TimeColumn).data().toString(), QStringLiteral("09:00 \u2013 10:00"));
        QVERIFY(model.setDate(QDate(2026, 11, 1)));
        QCOMPARE(model.range().to - model.range().from, qint64(25 * 3600));
        QCOMPARE(model.index(0, DayAgendaModel::TimeColumn).data().toString(), QStringLiteral("09:00 \u2013 10:00"));
    }

    void reloadSeesNewRows()
    {
        DayAgendaModel model(m_temp->database(), m_zone);
        QVERIFY(model.setDate(QDate(2026, 11, 26)));
        QVERIFY(test::insertAppointment(m_temp->database(), 2, newYork(2026, 11, 26, 15), 30));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestDayAgendaModel)
#include "tst_dayagendamodel.moc"
