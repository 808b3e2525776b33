#include "FakeClock.h"
#include "ScheduleClinic.h"
#include "agenda/ScheduleModel.h"
#include "calendar/BlockoutRepository.h"
#include "calendar/BookingService.h"
#include "patients/ScreeningRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace dermdesk;
using test::newYorkAt;

namespace {
const QDate monday(2026, 11, 30);
const QDate tuesday(2026, 12, 1);
} // namespace

// The schedule view's model: only the visible range, its columns with closed hours and blockouts.
class TestScheduleModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;
    qint64 m_consultation = 0;
    qint64 m_face = 0;
    qint64 m_tuesday = 0;
    qint64 m_cancelled = 0;

    qint64 book(qint64 patient, qint64 practitioner, qint64 type, qint64 start)
    {
        BookingService repository(m_temp->database(), m_clock);
        BookingRequest request = test::bookingRequest(patient, practitioner, type, start);
        // Nobody here has been screened: treatment sessions are booked with a reason.
        request.acknowledgement = QStringLiteral("Screening form pending");
        auto booked = repository.book(request);
        if (!booked)
            qWarning("%s", qPrintable(booked.error().message()));
        return booked ? booked.value().id : 0;
    }

    static ScheduleModel::View view(ScheduleModel::Mode mode, QDate date,
                                    ScheduleModel::Grouping grouping = ScheduleModel::Grouping::ByPractitioner,
                                    qint64 practitioner = 0)
    {
        ScheduleModel::View v;
        v.mode = mode;
        v.date = date;
        v.grouping = grouping;
        v.practitionerId = practitioner;
        return v;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY(m_temp->isValid());
        QVERIFY(test::seedScheduleClinic(*m_temp));
        m_consultation = book(1, 1, 2, newYorkAt(monday, 9));
        m_face = book(2, 2, 1, newYorkAt(monday, 10));
        m_tuesday = book(1, 1, 1, newYorkAt(tuesday, 9));
        m_cancelled = book(4, 2, 2, newYorkAt(monday, 15));
        QVERIFY(m_consultation && m_face && m_tuesday && m_cancelled);
        QVERIFY(book(4, 1, 2, newYorkAt(monday.addDays(7), 9))); // next week: never loaded with this one
        BookingService repository(m_temp->database(), m_clock);
        QVERIFY(repository.cancel(m_cancelled, CancelReason{CancelCategory::Illness, QString()}));

        BlockoutRepository blockouts(m_temp->database(), m_clock);
        Blockout lunch;
        lunch.startsAt = newYorkAt(monday, 12);
        lunch.endsAt = newYorkAt(monday, 12, 30);
        lunch.weekly = true;
        lunch.reason = QStringLiteral("Team lunch");
        QVERIFY(blockouts.add(lunch));
        Blockout training;
        training.practitionerId = 2;
        training.startsAt = newYorkAt(tuesday, 14);
        training.endsAt = newYorkAt(tuesday, 16);
        training.reason = QStringLiteral("Training");
        QVERIFY(blockouts.add(training));
    }

    void cleanup() { m_temp.reset(); }

    void passesTheModelTesterAcrossViews()
    {
        ScheduleModel model(m_temp->database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ScheduleModel::loaded);
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, monday)));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.setView(view(ScheduleModel::Mode::Week, monday, ScheduleModel::Grouping::ByPractitioner, 1)));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.setView(view(ScheduleModel::Mode::CompactWeek, tuesday)));
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, monday.addDays(-1))));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(loaded.count(), 4);
    }

    void passesTheModelTesterThroughReloadsAndChanges()
    {
        ScheduleModel model(m_temp->database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, monday)));
        QCOMPARE(model.rowCount(), 3);

        // Booked by someone else, then loaded again: the new appointment has its row.
        const qint64 afternoon = book(2, 1, 2, newYorkAt(monday, 14));
        QVERIFY(afternoon);
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.rowOf(afternoon) >= 0);

        // A change two weeks later leaves the day as it is.
        ChangeSet elsewhere;
        elsewhere.appointments = {999};
        elsewhere.spans = {{newYorkAt(monday.addDays(14), 9), newYorkAt(monday.addDays(14), 10)}};
        QVERIFY(!model.applyChanges(elsewhere));
        QCOMPARE(model.rowCount(), 4);

        // A booking in the day shows once its change is applied.
        const qint64 evening = book(1, 2, 2, newYorkAt(monday, 17));
        QVERIFY(evening);
        ChangeSet booked;
        booked.appointments = {evening};
        booked.spans = {{newYorkAt(monday, 17), newYorkAt(monday, 17, 30)}};
        QVERIFY(model.applyChanges(booked));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.rowOf(evening) >= 0);

        // A renamed patient with a visit that day, and a change nobody could describe, both reload.
        QSqlQuery rename(m_temp->database().connection());
        QVERIFY(rename.exec(QStringLiteral("UPDATE patient SET given_name = 'Jo' WHERE id = 1")));
        ChangeSet renamed;
        renamed.patients = {1};
        QVERIFY(model.applyChanges(renamed));
        QCOMPARE(model.index(model.rowOf(evening), 0).data(ScheduleModel::PatientNameRole).toString(),
                 QStringLiteral("Jo Smith"));
        BookingService repository(m_temp->database(), m_clock);
        QVERIFY(repository.cancel(afternoon, CancelReason{CancelCategory::Clinic, QString()}));
        ChangeSet unknown;
        unknown.everything = true;
        QVERIFY(model.applyChanges(unknown));
        QCOMPARE(model.index(model.rowOf(afternoon), 0).data(ScheduleModel::StatusRole).toInt(),
                 int(AppointmentStatus::Cancelled));

        // The week around it, loaded after all that.
        QVERIFY(model.setView(view(ScheduleModel::Mode::CompactWeek, monday)));
        QCOMPARE(model.rowCount(), 6);
    }

    void dayByPractitionerHasOneColumnPerActivePractitioner()
    {
        ScheduleModel model(m_temp->database());
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, monday)));
        const QList<ScheduleColumn> &columns = model.scheduleColumns();
        QCOMPARE(columns.size(), 2); // Dr. Old is inactive and has nothing that day
        QCOMPARE(columns.at(0).title, QStringLiteral("Dr. Connie Hiers"));
        QCOMPARE(columns.at(0).colour, QStringLiteral("#4f7cac"));
        QCOMPARE(columns.at(1).title, QStringLiteral("Nurse Ana"));
        QCOMPARE(columns.at(0).day, monday);
        // Hiers works 09-12 and 13-17 inside opening hours 08-20; Ana 08-18.
        QCOMPARE(columns.at(0).closed, (QList<MinuteSpan>{{0, 540}, {720, 780}, {1020, 1440}}));
        QCOMPARE(columns.at(1).closed, (QList<MinuteSpan>{{0, 480}, {1080, 1440}}));
        // The clinic-wide lunch blocks both; Ana's training is on Tuesday.
        QCOMPARE(columns.at(0).blockouts.size(), 1);
        QCOMPARE(columns.at(1).blockouts.size(), 1);
        QCOMPARE(columns.at(1).blockouts.at(0).reason, QStringLiteral("Team lunch"));

        QCOMPARE(model.rowCount(), 3);
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(ScheduleModel::AppointmentIdRole).toLongLong(), m_consultation);
        QCOMPARE(first.data().toString(), QStringLiteral("Joanna Smith"));
        QCOMPARE(first.data(ScheduleModel::TypeNameRole).toString(), QStringLiteral("Consultation"));
        QCOMPARE(first.data(ScheduleModel::ColumnRole).toInt(), 0);
        QCOMPARE(first.data(ScheduleModel::StartsAtRole).toLongLong(), newYorkAt(monday, 9));
        QCOMPARE(first.data(ScheduleModel::EndsAtRole).toLongLong(), newYorkAt(monday, 9, 30));
        // A consultation is never marked, screened or not.
        QCOMPARE(first.data(ScheduleModel::ScreeningRole).toInt(), int(ScreeningLevel::Clear));
        const int face = model.rowOf(m_face);
        QCOMPARE(model.columnOf(face), 1);
        QCOMPARE(model.entry(face).roomName, QStringLiteral("Room 1"));
        QVERIFY(model.entry(face).roomId > 0);
        const int cancelled = model.rowOf(m_cancelled);
        QCOMPARE(model.index(cancelled, 0).data(ScheduleModel::StatusRole).toInt(), int(AppointmentStatus::Cancelled));
        QCOMPARE(model.rowOf(m_tuesday), -1);
    }

    void dayByRoomAddsANoRoomColumnWhenNeeded()
    {
        ScheduleModel model(m_temp->database());
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, monday, ScheduleModel::Grouping::ByRoom)));
        const QList<ScheduleColumn> &columns = model.scheduleColumns();
        QCOMPARE(columns.size(), 3);
        QCOMPARE(columns.at(0).title, QStringLiteral("Room 1"));
        QCOMPARE(columns.at(1).title, QStringLiteral("Room 2"));
        QCOMPARE(columns.at(2).title, QStringLiteral("No room"));
        QCOMPARE(columns.at(0).closed, (QList<MinuteSpan>{{0, 480}, {1200, 1440}}));
        QCOMPARE(model.columnOf(model.rowOf(m_face)), 0);
        QCOMPARE(model.columnOf(model.rowOf(m_consultation)), 2);
    }

    void weekShowsOnePractitionerMondayToSunday()
    {
        ScheduleModel model(m_temp->database());
        QVERIFY(model.setView(view(ScheduleModel::Mode::Week, QDate(2026, 12, 3), ScheduleModel::Grouping::ByRoom, 2)));
        QCOMPARE(model.firstDay(), monday);
        const QList<ScheduleColumn> &columns = model.scheduleColumns();
        QCOMPARE(columns.size(), 7);
        QCOMPARE(columns.at(1).day, tuesday);
        QCOMPARE(columns.at(1).practitionerId, qint64(2));
        QCOMPARE(columns.at(1).blockouts.size(), 1);
        QCOMPARE(columns.at(1).blockouts.at(0).reason, QStringLiteral("Training"));
        QCOMPARE(columns.at(0).blockouts.size(), 1);                    // the weekly Monday lunch
        QCOMPARE(columns.at(6).closed, (QList<MinuteSpan>{{0, 1440}})); // Sunday
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entry(0).practitionerId, qint64(2));
        const ClinicTime::Range range = model.range();
        QCOMPARE(range.from, newYorkAt(monday, 0));
        QCOMPARE(range.to, newYorkAt(monday.addDays(7), 0));
    }

    void compactWeekSplitsEachDayByPractitioner()
    {
        ScheduleModel model(m_temp->database());
        QVERIFY(model.setView(view(ScheduleModel::Mode::CompactWeek, monday)));
        QCOMPARE(model.scheduleColumns().size(), 14);
        QCOMPARE(model.scheduleColumns().at(2).day, tuesday);
        QCOMPARE(model.scheduleColumns().at(2).practitionerId, qint64(1));
        QCOMPARE(model.columnOf(model.rowOf(m_tuesday)), 2);
        QCOMPARE(model.rowCount(), 4);
    }

    void reloadSeesNewAppointments()
    {
        ScheduleModel model(m_temp->database());
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, tuesday)));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(book(2, 2, 2, newYorkAt(tuesday, 11)));
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 2);
    }

    void aPatientWithAScreeningStopIsMarkedOnTheirAppointments()
    {
        ScheduleModel model(m_temp->database());
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, monday)));
        const auto marked = [&model](qint64 id) {
            return ScreeningLevel(model.data(model.index(model.rowOf(id), 0), ScheduleModel::ScreeningRole).toInt());
        };
        const auto toolTip = [&model](qint64 id) {
            return model.data(model.index(model.rowOf(id), 0), Qt::ToolTipRole).toString();
        };
        QCOMPARE(marked(m_face), ScreeningLevel::NotScreened);
        QVERIFY(toolTip(m_face).contains(QStringLiteral("No screening")));
        ScreeningAnswer infection;
        infection.questionId = 1; // active skin infection or cold sores: a stop
        infection.yes = true;
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(2, {infection}));
        QVERIFY(model.reload());
        QCOMPARE(marked(m_face), ScreeningLevel::Stop);
        QVERIFY(toolTip(m_face).contains(QStringLiteral("Active skin infection or cold sores")));
        QVERIFY(toolTip(m_face).contains(QStringLiteral("no end date")));
        QCOMPARE(marked(m_consultation), ScreeningLevel::Clear);
    }

    // A week whose screening answers cannot be read is not shown as if no patient had an alert.
    void unreadableScreeningFailsTheLoad()
    {
        // A patient whose latest answer to a question is yes: the week reads that patient's answers.
        ScreeningAnswer infection;
        infection.questionId = 1;
        infection.yes = true;
        QVERIFY(ScreeningRepository(m_temp->database(), m_clock).recordAnswers(2, {infection}));
        ScheduleModel model(m_temp->database());
        QSqlQuery rename(m_temp->database().connection());
        QVERIFY(rename.exec(QStringLiteral("ALTER TABLE screening_answer RENAME TO screening_answer_away")));
        const Status loaded = model.setView(view(ScheduleModel::Mode::Day, monday));
        QVERIFY(!loaded);
        QVERIFY(model.loadError().has_value());
        QCOMPARE(model.rowCount(), 0);
    }

    void daylightSavingDayLoadsItsWholeDay()
    {
        ScheduleModel model(m_temp->database());
        QVERIFY(model.setView(view(ScheduleModel::Mode::Day, QDate(2026, 11, 1))));
        QCOMPARE(model.range().to - model.range().from, qint64(25 * 3600));
    }

    void anUnsetClinicIsAnError()
    {
        test::TempDatabase empty;
        ScheduleModel model(empty.database());
        const Status loaded = model.setView(view(ScheduleModel::Mode::Day, monday));
        QVERIFY(!loaded);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.scheduleColumns().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScheduleModel)
#include "tst_schedulemodel.moc"
