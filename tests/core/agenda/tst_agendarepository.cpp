#include "FakeClock.h"
#include "ScheduleRows.h"
#include "agenda/AgendaRepository.h"
#include "calendar/ScheduleSetup.h"
#include "common/TimeFormat.h"
#include "patients/PatientSummary.h"
#include "patients/ScreeningRepository.h"

#include <QtTest>

using namespace dermdesk;
using test::newYork;

// The agenda of one local day: the right rows, in order, with their names and colours, on
// ordinary and daylight-saving days alike.
class TestAgendaRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    const QTimeZone m_zone{"America/New_York"};

    QList<AgendaEntry> day(QDate date, std::optional<qint64> practitioner = std::nullopt)
    {
        auto entries = AgendaRepository(m_temp->database()).between(ClinicTime(m_zone).dayRange(date), practitioner);
        if (!entries.ok()) {
            qWarning("%s", qPrintable(entries.error().message()));
            return {};
        }
        return entries.value();
    }

private slots:
    void init()
    {
        m_temp = test::minimalClinic();
        QVERIFY(m_temp);
        QVERIFY(
            test::exec(m_temp->database(), QStringLiteral("UPDATE practitioner SET colour = '#aa5577' WHERE id = 1")));
        QVERIFY(test::exec(m_temp->database(),
                           QStringLiteral("INSERT INTO practitioner (id, display_name, colour) VALUES (2, 'Nurse Ana', "
                                          "'#3377aa')")));
    }

    void dstDays_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("hours");
        QTest::newRow("spring forward 2026-03-08") << QDate(2026, 3, 8) << 23;
        QTest::newRow("ordinary 2026-06-15") << QDate(2026, 6, 15) << 24;
        QTest::newRow("fall back 2026-11-01") << QDate(2026, 11, 1) << 25;
    }

    void dstDays()
    {
        QFETCH(QDate, date);
        QFETCH(int, hours);
        const ClinicTime::Range range = ClinicTime(m_zone).dayRange(date);
        QCOMPARE(range.to - range.from, qint64(hours) * 3600);

        Database &db = m_temp->database();
        const qint64 nine = newYork(date.year(), date.month(), date.day(), 9);
        // Just before the day (23:30 the evening before) and late in it (23:30).
        const QDate before = date.addDays(-1);
        const qint64 lateBefore = newYork(before.year(), before.month(), before.day(), 23, 30);
        const qint64 lateIn = newYork(date.year(), date.month(), date.day(), 23, 30);
        QVERIFY(test::insertAppointment(db, 1, nine, 60));
        QVERIFY(test::insertAppointment(db, 2, lateBefore, 20));
        QVERIFY(test::insertAppointment(db, 2, lateIn, 20));

        const QList<AgendaEntry> entries = day(date);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).startsAt, nine);
        const ClinicTime time(m_zone);
        QCOMPARE(time.toLocal(entries.at(0).startsAt).time(), QTime(9, 0));
        QCOMPARE(time.toLocal(entries.at(0).endsAt).time(), QTime(10, 0));
        QCOMPARE(clockTimeText(time.toLocal(entries.at(0).startsAt).time(), QLocale::c()), QStringLiteral("09:00"));
        QCOMPARE(entries.at(1).startsAt, lateIn);
        QCOMPARE(day(before).size(), 1);
    }

    void rowsCarryNamesColoursAndStatus()
    {
        Database &db = m_temp->database();
        QVERIFY(
            test::insertAppointment(db, 2, newYork(2026, 11, 26, 11), 30, QStringLiteral("confirmed"), 2, QVariant()));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 26, 9), 60, QStringLiteral("cancelled")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 26, 10), 60, QStringLiteral("no_show")));

        const QList<AgendaEntry> entries = day(QDate(2026, 11, 26));
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).patientName, QStringLiteral("Joanna Smith"));
        QCOMPARE(entries.at(0).status, AppointmentStatus::Cancelled);
        QCOMPARE(entries.at(0).practitionerName, QStringLiteral("Dr. Connie Hiers"));
        QCOMPARE(entries.at(0).practitionerColour, QStringLiteral("#aa5577"));
        QCOMPARE(entries.at(0).typeName, QStringLiteral("Microneedling face"));
        QCOMPARE(entries.at(0).typeColour, QStringLiteral("#8fb8a8"));
        QCOMPARE(entries.at(0).roomName, QStringLiteral("Room 1"));
        QCOMPARE(entries.at(1).status, AppointmentStatus::NoShow);
        QCOMPARE(entries.at(2).patientName, QStringLiteral("Jürgen Müller"));
        QCOMPARE(entries.at(2).practitionerName, QStringLiteral("Nurse Ana"));
        QCOMPARE(entries.at(2).status, AppointmentStatus::Confirmed);
        QVERIFY(entries.at(2).roomName.isEmpty());
    }

    void sameStartOrdersByPractitioner()
    {
        Database &db = m_temp->database();
        QVERIFY(test::exec(db, QStringLiteral("UPDATE practitioner SET sort_order = 1 WHERE id = 1")));
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 26, 9), 30, QStringLiteral("booked"), 1, 1));
        QVERIFY(test::insertAppointment(db, 2, newYork(2026, 11, 26, 9), 30, QStringLiteral("booked"), 2, QVariant()));
        const QList<AgendaEntry> entries = day(QDate(2026, 11, 26));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).practitionerName, QStringLiteral("Nurse Ana"));
    }

    void filtersByPractitioner()
    {
        Database &db = m_temp->database();
        QVERIFY(test::insertAppointment(db, 1, newYork(2026, 11, 26, 9), 30, QStringLiteral("booked"), 1, 1));
        QVERIFY(test::insertAppointment(db, 2, newYork(2026, 11, 26, 9), 30, QStringLiteral("booked"), 2, QVariant()));
        const QList<AgendaEntry> entries = day(QDate(2026, 11, 26), 2);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).practitionerId, qint64(2));
    }

    // The names a block shows are the patient's as they are now, whoever wrote the change: a rename (through the
    // program or straight in the database), and an appointment given to another patient (as a merge does).
    void namesFollowThePatient()
    {
        Database &db = m_temp->database();
        const qint64 at = newYork(2026, 11, 26, 9);
        const qint64 id = test::insertAppointment(db, 1, at, 60);
        QVERIFY(id);
        const auto shown = [&]() {
            QStringList names;
            const QList<AgendaEntry> agenda = day(QDate(2026, 11, 26));
            names.append(agenda.isEmpty() ? QString() : agenda.first().patientName);
            auto setup = ScheduleSetup::load(db);
            if (!setup)
                return QStringList{setup.error().message()};
            auto week =
                AgendaRepository(db).forSchedule(ClinicTime(m_zone).dayRange(QDate(2026, 11, 26)), setup.value());
            if (!week)
                return QStringList{week.error().message()};
            names.append(week.value().isEmpty() ? QString() : week.value().first().patientName);
            return names;
        };
        QCOMPARE(shown(), QStringList({QStringLiteral("Joanna Smith"), QStringLiteral("Joanna Smith")}));

        QVERIFY(test::exec(db, QStringLiteral("UPDATE patient SET given_name = 'Jo', family_name = 'Smith-Lee', "
                                              "preferred_name = 'Jojo' WHERE id = 1")));
        const QString renamed =
            PatientSummary::fullName(QStringLiteral("Jo"), QStringLiteral("Smith-Lee"), QStringLiteral("Jojo"));
        QCOMPARE(shown(), QStringList({renamed, renamed}));

        QVERIFY(test::exec(db, QStringLiteral("UPDATE appointment SET patient_id = 2 WHERE id = %1").arg(id)));
        QCOMPARE(shown(), QStringList({QStringLiteral("Jürgen Müller"), QStringLiteral("Jürgen Müller")}));

        // Another patient's rename leaves the block as it is.
        QVERIFY(test::exec(db, QStringLiteral("UPDATE patient SET given_name = 'Joanne' WHERE id = 1")));
        QCOMPARE(shown(), QStringList({QStringLiteral("Jürgen Müller"), QStringLiteral("Jürgen Müller")}));
    }

    // What the schedule reads of a patient's screening from the appointment row: when the newest answer was given
    // and whether the latest answer to some question is yes. It follows every writer of answers and appointments.
    void screeningFactsFollowTheAnswers()
    {
        Database &db = m_temp->database();
        test::FakeClock clock(QDateTime(QDate(2026, 11, 20), QTime(15, 0), Qt::UTC));
        const qint64 monday = test::newYork(2026, 11, 30, 9);
        const qint64 first = test::insertAppointment(db, 1, monday, 60);
        const qint64 second = test::insertAppointment(db, 1, monday + 7 * 86400, 60);
        QVERIFY(first && second);
        // (screened at, any yes) of each block of the two weeks, in time order; "none" when never screened.
        const auto facts = [&]() {
            QStringList shown;
            auto setup = ScheduleSetup::load(db);
            if (!setup)
                return QStringList{setup.error().message()};
            auto rows = AgendaRepository(db).forSchedule({monday - 86400, monday + 14 * 86400}, setup.value());
            if (!rows)
                return QStringList{rows.error().message()};
            for (const AgendaEntry &entry : rows.value()) {
                shown.append(QStringLiteral("%1 %2 %3")
                                 .arg(entry.patientId)
                                 .arg(entry.patientScreenedAt ? QString::number(*entry.patientScreenedAt)
                                                              : QStringLiteral("none"))
                                 .arg(entry.patientScreeningYes ? QStringLiteral("yes") : QStringLiteral("no")));
            }
            return shown;
        };
        QCOMPARE(facts(), QStringList({QStringLiteral("1 none no"), QStringLiteral("1 none no")}));

        ScreeningRepository screening(db, clock);
        const QList<ScreeningQuestion> questions = screening.questions().value();
        QVERIFY(questions.size() > 2);
        const auto answers = [&](qint64 yesQuestion) {
            QList<ScreeningAnswer> list;
            for (const ScreeningQuestion &q : questions)
                list.append({q.id, q.id == yesQuestion, q.id == yesQuestion ? QDate(2026, 11, 1) : QDate(), {}, 0});
            return list;
        };
        const qint64 nov20 = clock.now().toSecsSinceEpoch();
        QVERIFY(screening.recordAnswers(1, answers(0)).ok());
        const QString screened = QStringLiteral("1 %1 no").arg(nov20);
        QCOMPARE(facts(), QStringList({screened, screened}));

        // A yes to one question; then that question answered no again, a day later.
        clock.advanceSecs(3600);
        QVERIFY(screening.recordAnswers(1, {{questions.at(1).id, true, QDate(2026, 11, 1), {}, 0}}).ok());
        const QString yes = QStringLiteral("1 %1 yes").arg(nov20 + 3600);
        QCOMPARE(facts(), QStringList({yes, yes}));
        clock.advanceSecs(86400);
        QVERIFY(screening.recordAnswers(1, {{questions.at(1).id, false, QDate(), {}, 0}}).ok());
        const QString no = QStringLiteral("1 %1 no").arg(nov20 + 3600 + 86400);
        QCOMPARE(facts(), QStringList({no, no}));

        // An answer written around the program, as psql or sqlite3 would: a yes for patient 2, given later.
        QVERIFY(test::exec(db, QStringLiteral("INSERT INTO screening_answer (patient_id, question_id, answer, "
                                              "event_date, answered_at) VALUES (2, %1, 1, '2026-11-02', %2)")
                                   .arg(questions.at(2).id)
                                   .arg(nov20 + 7 * 86400)));
        QCOMPARE(facts(), QStringList({no, no}));
        // The first appointment given to patient 2 takes patient 2's facts; the other keeps patient 1's.
        QVERIFY(test::exec(db, QStringLiteral("UPDATE appointment SET patient_id = 2 WHERE id = %1").arg(first)));
        const QString second2 = QStringLiteral("2 %1 yes").arg(nov20 + 7 * 86400);
        QCOMPARE(facts(), QStringList({second2, no}));
        // Patient 2's answers moved to patient 1 (a merge): patient 1 has the newer yes, patient 2 no screening.
        QVERIFY(test::exec(db, QStringLiteral("UPDATE screening_answer SET patient_id = 1 WHERE patient_id = 2")));
        QCOMPARE(facts(), QStringList({QStringLiteral("2 none no"), QStringLiteral("1 %1 yes").arg(nov20 + 7 * 86400)}));
        // A booking for a screened patient starts with the patient's facts.
        const qint64 third = test::insertAppointment(db, 1, monday + 86400, 60);
        QVERIFY(third);
        QCOMPARE(facts().at(1), QStringLiteral("1 %1 yes").arg(nov20 + 7 * 86400));
    }

    void emptyDayIsEmpty() { QVERIFY(day(QDate(2026, 11, 27)).isEmpty()); }

    void visitsForPatientsAndDocuments()
    {
        Database &db = m_temp->database();
        const qint64 monday = test::newYork(2026, 11, 30, 9);
        const qint64 tuesday = test::newYork(2026, 12, 1, 9);
        const qint64 friday = test::newYork(2026, 12, 4, 9);
        const qint64 kept = test::insertAppointment(db, 1, monday, 60);
        const qint64 cancelled = test::insertAppointment(db, 1, tuesday, 60, QStringLiteral("cancelled"));
        const qint64 noShow = test::insertAppointment(db, 1, friday, 60, QStringLiteral("no_show"));
        QVERIFY(kept && cancelled && noShow);
        const AgendaRepository agenda(db);

        // The patient's timeline holds every visit, latest first, with its status.
        const auto timeline = agenda.patientVisits(1);
        QVERIFY(timeline);
        QCOMPARE(timeline.value().size(), 3);
        QCOMPARE(timeline.value().first().appointmentId, noShow);
        QCOMPARE(timeline.value().first().status, QStringLiteral("no_show"));
        QVERIFY(agenda.patientVisits(2).value().isEmpty());

        // Documents list only the visits that still hold their slot...
        const auto upcoming = agenda.upcomingVisits(1, monday, 40);
        QVERIFY(upcoming);
        QCOMPARE(upcoming.value().size(), 1);
        QCOMPARE(upcoming.value().first().appointmentId, kept);
        QCOMPARE(upcoming.value().first().practitionerName, QStringLiteral("Dr. Connie Hiers"));
        // ...but the one asked for by id whatever its status; nothing for an unknown id.
        const auto asked = agenda.visit(cancelled);
        QVERIFY(asked && asked.value());
        QCOMPARE(asked.value()->startsAt, tuesday);
        QVERIFY(!agenda.visit(999).value());
    }
};

QTEST_GUILESS_MAIN(TestAgendaRepository)
#include "tst_agendarepository.moc"
