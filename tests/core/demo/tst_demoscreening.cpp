#include "FakeClock.h"
#include "SqlRows.h"
#include "agenda/ScheduleModel.h"
#include "demo/DemoClinicGenerator.h"
#include "patients/ScreeningEvaluator.h"
#include "patients/ScreeningRepository.h"
#include "storage/Database.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <map>

using namespace dermdesk;

namespace {

// A Tuesday; the demo's "now" is that day at 12:00 in New York.
const QDate demoToday(2026, 11, 24);
const QTimeZone newYork("America/New_York");
const qint64 demoNow = QDateTime(demoToday, QTime(12, 0), newYork).toSecsSinceEpoch();

using test::rows;
using test::scalar;

QByteArray answersDigest(const Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QVariantList &row : rows(db, QStringLiteral("SELECT * FROM screening_answer ORDER BY id"))) {
        for (const QVariant &value : row)
            hash.addData((value.isNull() ? QStringLiteral("\\N") : value.toString()).toUtf8() + '\x1f');
        hash.addData("\x1e");
    }
    return hash.result().toHex();
}

enum class State {
    Clear,
    Caution,
    Stop,
    OutOfDate,
    Missing
};

// What the schedule shows for a treatment session: a stop first, then no screening, out of date, a caution.
State stateOf(const ScreeningOutcome &outcome)
{
    if (outcome.refuses())
        return State::Stop;
    for (const ScreeningFinding &caution : outcome.cautions) {
        if (caution.code == QLatin1String("screening.missing"))
            return State::Missing;
        if (caution.code == QLatin1String("screening.out_of_date"))
            return State::OutOfDate;
    }
    return outcome.cautions.isEmpty() ? State::Clear : State::Caution;
}

} // namespace

class TestDemoScreening : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::FakeClock m_clock;
    std::unique_ptr<Database> m_db;
    QList<ContraindicationRule> m_rules;
    int m_maxAge = 0;
    QHash<qint64, QHash<qint64, ScreeningAnswer>> m_answers;
    QList<qint64> m_patients;

    std::unique_ptr<Database> generate(const QString &name, quint64 seed, int patients = 400)
    {
        DemoOptions options;
        options.today = demoToday;
        options.seed = seed;
        options.patients = patients;
        const QString path = m_dir.filePath(name);
        const auto made = DemoClinicGenerator(options, m_clock).createFile(path);
        if (!made.ok()) {
            qWarning("%s", qPrintable(made.error().message()));
            return {};
        }
        auto opened = Database::open(path);
        return opened.ok() ? std::move(opened).value() : nullptr;
    }

    [[nodiscard]] ScreeningOutcome outcome(qint64 patientId, const QDate &date) const
    {
        return ScreeningEvaluator::evaluate(m_rules, m_answers.value(patientId), date, true, m_maxAge, newYork);
    }

    // The treatment sessions not cancelled or missed, starting in [from, to): (patient id, local date).
    [[nodiscard]] QList<std::pair<qint64, QDate>> treatmentsBetween(qint64 from, qint64 to) const
    {
        QList<std::pair<qint64, QDate>> found;
        for (const QVariantList &row :
             rows(*m_db, QStringLiteral("SELECT a.patient_id, a.starts_at FROM appointment a JOIN appointment_type t "
                                        "ON t.id = a.type_id WHERE t.is_treatment = 1 AND a.status NOT IN "
                                        "('cancelled', 'no_show') AND a.starts_at >= %1 AND a.starts_at < %2")
                             .arg(from)
                             .arg(to))) {
            found.append(
                {row.at(0).toLongLong(), QDateTime::fromSecsSinceEpoch(row.at(1).toLongLong(), newYork).date()});
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = generate(QStringLiteral("default.dermdesk"), DemoOptions().seed);
        QVERIFY(m_db);
        const ScreeningRepository repository(*m_db);
        auto rules = repository.rules();
        QVERIFY(rules.ok());
        m_rules = rules.value();
        m_maxAge = repository.maxAgeDays().value();
        for (const QVariantList &row : rows(*m_db, QStringLiteral("SELECT id FROM patient ORDER BY id")))
            m_patients.append(row.at(0).toLongLong());
        auto answers = repository.latestAnswers(m_patients);
        QVERIFY(answers.ok());
        m_answers = answers.value();
    }

    void mostPatientsAnsweredTheWholeQuestionnaireAtOnce()
    {
        const qint64 questions = scalar(*m_db, QStringLiteral("SELECT count(*) FROM screening_question WHERE active"));
        QCOMPARE(questions, qint64(15));
        QVERIFY2(m_answers.size() * 10 >= m_patients.size() * 7,
                 qPrintable(QStringLiteral("%1 of %2 patients screened").arg(m_answers.size()).arg(m_patients.size())));
        QVERIFY(m_answers.size() < m_patients.size());
        // One sitting per patient: every question answered, at one instant.
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM (SELECT patient_id FROM screening_answer GROUP BY "
                                              "patient_id HAVING count(*) <> %1 OR count(DISTINCT answered_at) <> 1)")
                                   .arg(questions)),
                 qint64(0));
        // The clinic's own texts: a "yes" carries what the patient said.
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT count(*) FROM screening_answer WHERE answer = 1 AND detail = ''")),
                 qint64(0));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM screening_answer WHERE answer = 0 AND "
                                              "(detail <> '' OR event_date IS NOT NULL)")),
                 qint64(0));
    }

    void theDatesMakeSenseAroundToday()
    {
        // Answered before "now", not before the patient was registered, at most two years back; a "yes"
        // event date is never after the day it was answered.
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT count(*) FROM screening_answer WHERE answered_at > %1").arg(demoNow)),
                 qint64(0));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM screening_answer s JOIN patient p ON p.id = "
                                              "s.patient_id WHERE s.answered_at < p.created_at")),
                 qint64(0));
        const qint64 twoYearsBack = QDateTime(demoToday.addDays(-731), QTime(0, 0), newYork).toSecsSinceEpoch();
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM screening_answer WHERE answered_at < %1")
                                   .arg(twoYearsBack)),
                 qint64(0));
        for (const QVariantList &row :
             rows(*m_db, QStringLiteral("SELECT event_date, answered_at FROM screening_answer WHERE event_date IS "
                                        "NOT NULL"))) {
            const QDate event = QDate::fromString(row.at(0).toString(), Qt::ISODate);
            QVERIFY(event.isValid());
            QVERIFY(event <= QDateTime::fromSecsSinceEpoch(row.at(1).toLongLong(), newYork).date());
        }
        // Event dates only where the question asks for one.
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT count(*) FROM screening_answer s JOIN screening_question q ON "
                                       "q.id = s.question_id WHERE s.event_date IS NOT NULL AND q.asks_date = 0")),
                 qint64(0));
    }

    void aNewUserMeetsEveryStateToday()
    {
        std::map<State, int> counts;
        for (const qint64 patient : std::as_const(m_patients))
            ++counts[stateOf(outcome(patient, demoToday))];
        const auto line = [&counts] {
            return QStringLiteral("clear %1, caution %2, stop %3, out of date %4, not screened %5")
                .arg(counts[State::Clear])
                .arg(counts[State::Caution])
                .arg(counts[State::Stop])
                .arg(counts[State::OutOfDate])
                .arg(counts[State::Missing]);
        };
        qInfo("A treatment today, all %d patients: %s", int(m_patients.size()), qPrintable(line()));
        const int total = int(m_patients.size());
        QVERIFY2(counts[State::Clear] * 2 >= total, qPrintable(line()));
        QVERIFY2(counts[State::Caution] >= 5 && counts[State::Caution] * 10 < total, qPrintable(line()));
        QVERIFY2(counts[State::Stop] >= 3 && counts[State::Stop] * 10 < total, qPrintable(line()));
        QVERIFY2(counts[State::OutOfDate] >= 5, qPrintable(line()));
        QVERIFY2(counts[State::Missing] >= 5, qPrintable(line()));
    }

    void upcomingSessionsAreMostlyScreenedAndInDate()
    {
        const qint64 sixWeeks = QDateTime(demoToday.addDays(42), QTime(0, 0), newYork).toSecsSinceEpoch();
        const auto sessions = treatmentsBetween(demoNow, sixWeeks);
        QVERIFY(sessions.size() > 100);
        int clear = 0;
        for (const auto &[patient, date] : sessions)
            clear += stateOf(outcome(patient, date)) == State::Clear ? 1 : 0;
        qInfo("Treatment sessions in the next six weeks: %d of %d clear", clear, int(sessions.size()));
        QVERIFY2(clear * 100 >= sessions.size() * 80,
                 qPrintable(QStringLiteral("%1 of %2").arg(clear).arg(sessions.size())));
    }

    void todayAndTomorrowShowAStopACautionAndNoScreening()
    {
        const qint64 dayAfterTomorrow = QDateTime(demoToday.addDays(2), QTime(0, 0), newYork).toSecsSinceEpoch();
        const auto sessions = treatmentsBetween(demoNow, dayAfterTomorrow);
        std::map<State, int> counts;
        bool stopClearsLater = false;
        for (const auto &[patient, date] : sessions) {
            const ScreeningOutcome found = outcome(patient, date);
            ++counts[stateOf(found)];
            for (const ScreeningFinding &stop : found.stops) {
                // The stop is a look-back (isotretinoin): it clears on a date after the session.
                const auto rule = std::find_if(m_rules.cbegin(), m_rules.cend(),
                                               [&stop](const ContraindicationRule &r) { return r.id == stop.ruleId; });
                QVERIFY(rule != m_rules.cend());
                if (!rule->lookbackDays)
                    continue;
                const ScreeningAnswer answer = m_answers.value(patient).value(rule->questionId);
                QVERIFY(answer.eventDate.isValid());
                const QDate clears = answer.eventDate.addDays(*rule->lookbackDays);
                QVERIFY(clears > date);
                QVERIFY(outcome(patient, clears).stops.isEmpty());
                stopClearsLater = true;
            }
        }
        qInfo("Treatment sessions from now to the end of tomorrow: %d (stop %d, caution %d, not screened %d, out of "
              "date %d)",
              int(sessions.size()), counts[State::Stop], counts[State::Caution], counts[State::Missing],
              counts[State::OutOfDate]);
        QVERIFY(counts[State::Stop] >= 1);
        QVERIFY(stopClearsLater);
        QVERIFY(counts[State::Caution] >= 1);
        QVERIFY(counts[State::Missing] >= 1);
        // A handful, not most.
        QVERIFY(counts[State::Clear] * 2 > sessions.size());
    }

    // The schedule marks each treatment session from what the appointment rows say of the patient's screening, and
    // reads the answers of only the patients with a yes: over eight weeks of the demo (every state: stops, cautions,
    // out of date, never screened) each block shows what the rules give on the full answers.
    void theScheduleShowsWhatTheRulesGive()
    {
        ScheduleModel model(*m_db);
        std::map<State, int> counts;
        int checked = 0;
        for (int week = -4; week < 4; ++week) {
            ScheduleModel::View view;
            view.mode = ScheduleModel::Mode::CompactWeek;
            view.date = demoToday.addDays(7 * week);
            QVERIFY(model.setView(view));
            for (const AgendaEntry &entry : model.entries()) {
                const QDate date = QDateTime::fromSecsSinceEpoch(entry.startsAt, newYork).date();
                const bool treatment =
                    scalar(*m_db, QStringLiteral("SELECT is_treatment FROM appointment_type WHERE id = %1")
                                      .arg(entry.typeId))
                    == 1;
                if (!treatment || !appointment_status::holdsSlot(entry.status)) {
                    QCOMPARE(entry.screening, ScreeningLevel::Clear);
                    continue;
                }
                const ScreeningOutcome expected = outcome(entry.patientId, date);
                QVERIFY2(entry.screening == ScreeningEvaluator::level(expected),
                         qPrintable(QStringLiteral("appointment %1 of patient %2 on %3")
                                        .arg(entry.id)
                                        .arg(entry.patientId)
                                        .arg(date.toString(Qt::ISODate))));
                QCOMPARE(entry.screeningSummary, ScreeningEvaluator::summary(expected));
                ++counts[stateOf(expected)];
                ++checked;
            }
        }
        qInfo("Treatment sessions checked on the schedule: %d (stop %d, caution %d, out of date %d, not screened %d)",
              checked, counts[State::Stop], counts[State::Caution], counts[State::OutOfDate], counts[State::Missing]);
        QVERIFY(checked > 100);
        QVERIFY(counts[State::Stop] >= 1 && counts[State::Caution] >= 1 && counts[State::OutOfDate] >= 1
                && counts[State::Missing] >= 1);
    }

    // On a Sunday (closed) the first schedule a new user opens is Monday's: Monday and Tuesday show them.
    void onASundayTheNextTwoWorkingDaysShowThem()
    {
        DemoOptions options;
        options.today = QDate(2026, 11, 29);
        const QString path = m_dir.filePath(QStringLiteral("sunday.dermdesk"));
        QVERIFY(DemoClinicGenerator(options, m_clock).createFile(path).ok());
        auto opened = Database::open(path);
        QVERIFY(opened.ok());
        const Database &db = *opened.value();
        const qint64 monday = QDateTime(QDate(2026, 11, 30), QTime(0, 0), newYork).toSecsSinceEpoch();
        const qint64 wednesday = QDateTime(QDate(2026, 12, 2), QTime(0, 0), newYork).toSecsSinceEpoch();
        std::map<State, int> counts;
        for (const QVariantList &row :
             rows(db, QStringLiteral("SELECT a.patient_id, a.starts_at FROM appointment a JOIN appointment_type t ON "
                                     "t.id = a.type_id WHERE t.is_treatment = 1 AND a.status NOT IN ('cancelled', "
                                     "'no_show') AND a.starts_at >= %1 AND a.starts_at < %2")
                          .arg(monday)
                          .arg(wednesday))) {
            const QDate date = QDateTime::fromSecsSinceEpoch(row.at(1).toLongLong(), newYork).date();
            auto found = ScreeningEvaluator(db).evaluate(row.at(0).toLongLong(), date, true);
            QVERIFY(found.ok());
            ++counts[stateOf(found.value())];
        }
        QVERIFY(counts[State::Stop] >= 1);
        QVERIFY(counts[State::Caution] >= 1);
        QVERIFY(counts[State::Missing] >= 1);
    }

    void theSameSeedGivesTheSameAnswers()
    {
        const auto first = generate(QStringLiteral("a.dermdesk"), 7, 150);
        const auto again = generate(QStringLiteral("b.dermdesk"), 7, 150);
        const auto other = generate(QStringLiteral("c.dermdesk"), 8, 150);
        QVERIFY(first && again && other);
        QVERIFY(scalar(*first, QStringLiteral("SELECT count(*) FROM screening_answer")) > 0);
        QCOMPARE(answersDigest(*first), answersDigest(*again));
        QVERIFY(answersDigest(*first) != answersDigest(*other));
    }
};

QTEST_GUILESS_MAIN(TestDemoScreening)
#include "tst_demoscreening.moc"
