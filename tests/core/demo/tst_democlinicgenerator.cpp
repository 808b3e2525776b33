#include "FakeClock.h"
#include "SqlRows.h"
#include "demo/DemoCalendar.h"
#include "demo/DemoClinicGenerator.h"
#include "storage/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace dermdesk;

namespace {

// A Tuesday; the demo runs from late May 2026, across both daylight-saving switches, into 2027.
const QDate demoToday(2026, 11, 24);
const QTimeZone newYork("America/New_York");

DemoOptions defaultOptions()
{
    DemoOptions options;
    options.today = demoToday;
    return options;
}

using test::rows;
using test::scalar;

// A fingerprint of every row the generator writes (audit entries aside: they name this computer).
QByteArray digest(const Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *table :
         {"clinic_settings", "practitioner", "practitioner_hours", "room", "appointment_type", "patient", "appointment",
          "appointment_status_change", "treatment_plan", "treatment_plan_area", "treatment_session",
          "treatment_session_area", "blockout", "screening_answer"}) {
        for (const QVariantList &row :
             rows(db, QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(QLatin1String(table)))) {
            for (const QVariant &value : row)
                hash.addData((value.isNull() ? QStringLiteral("\\N") : value.toString()).toUtf8() + '\x1f');
            hash.addData("\x1e");
        }
    }
    return hash.result().toHex();
}

int localMinute(const QDateTime &local)
{
    return local.time().hour() * 60 + local.time().minute();
}

struct Span
{
    int from;
    int to;
};

// Every rule a generated clinic must obey that the database does not enforce itself, read back
// with SQL and checked in the clinic's local time. Returns the first few violations.
QStringList ruleViolations(const Database &db)
{
    QStringList problems;
    auto fail = [&problems](const QString &problem) {
        if (problems.size() < 10)
            problems.append(problem);
    };

    // No overlaps among the appointments that hold their slot (cleanup included for practitioner and room).
    const std::initializer_list<std::pair<const char *, bool>> resources{{"practitioner_id", true},
                                                                         {"room_id", true},
                                                                         {"patient_id", false}};
    for (const auto &[column, cleanup] : resources) {
        const QString end = cleanup ? QStringLiteral("ends_at + 60 * cleanup_min") : QStringLiteral("ends_at");
        const qint64 overlaps =
            scalar(db,
                   QStringLiteral(
                       "SELECT count(*) FROM (SELECT starts_at, max(%2) OVER (PARTITION BY %1 ORDER BY starts_at, id "
                       "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS busy_until FROM appointment "
                       "WHERE status NOT IN ('cancelled', 'no_show') AND %1 IS NOT NULL) WHERE starts_at < busy_until")
                       .arg(QLatin1String(column), end));
        if (overlaps != 0)
            fail(QStringLiteral("%1 overlapping appointments by %2").arg(overlaps).arg(QLatin1String(column)));
    }

    // Practitioners perform and rooms host the type.
    if (const qint64 n = scalar(db, QStringLiteral("SELECT count(*) FROM appointment a WHERE NOT EXISTS (SELECT 1 FROM "
                                                   "practitioner_type pt WHERE pt.practitioner_id = a.practitioner_id "
                                                   "AND pt.type_id = a.type_id)"));
        n != 0)
        fail(QStringLiteral("%1 appointments of a type their practitioner does not perform").arg(n));
    if (const qint64 n =
            scalar(db, QStringLiteral("SELECT count(*) FROM appointment a WHERE NOT EXISTS (SELECT 1 FROM "
                                      "room_type rt WHERE rt.room_id = a.room_id AND rt.type_id = a.type_id)"));
        n != 0)
        fail(QStringLiteral("%1 appointments in a room that does not host their type").arg(n));

    if (const qint64 n = scalar(db, QStringLiteral("SELECT count(*) FROM appointment WHERE status = 'cancelled' AND "
                                                   "(length(trim(cancel_reason)) = 0 OR cancel_category IS NULL)"));
        n != 0)
        fail(QStringLiteral("%1 cancellations without a reason").arg(n));
    if (const qint64 n =
            scalar(db, QStringLiteral(
                           "SELECT count(*) FROM treatment_session_area WHERE depth_mm < 0.5 OR depth_mm > 2.0"));
        n != 0)
        fail(QStringLiteral("%1 session areas outside 0.5-2.0 mm").arg(n));

    // Inside opening hours and the practitioner's working hours, visit and cleanup, in local time.
    QHash<int, QList<Span>> opening;
    for (const QVariantList &r : rows(db, QStringLiteral("SELECT weekday, opens_min, closes_min FROM opening_hours")))
        opening[r[0].toInt()].append({r[1].toInt(), r[2].toInt()});
    QHash<QPair<qint64, int>, QList<Span>> working;
    for (const QVariantList &r :
         rows(db, QStringLiteral("SELECT practitioner_id, weekday, starts_min, ends_min FROM practitioner_hours")))
        working[{r[0].toLongLong(), r[1].toInt()}].append({r[2].toInt(), r[3].toInt()});
    auto within = [](const QList<Span> &spans, int from, int to) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span &s) { return s.from <= from && to <= s.to; });
    };
    for (const QVariantList &r :
         rows(db, QStringLiteral("SELECT id, practitioner_id, starts_at, ends_at + 60 * cleanup_min "
                                 "FROM appointment"))) {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(r[2].toLongLong(), newYork);
        const QDateTime end = QDateTime::fromSecsSinceEpoch(r[3].toLongLong(), newYork);
        const int weekday = start.date().dayOfWeek();
        const int from = localMinute(start);
        const int to = end.date() == start.date() ? localMinute(end) : 24 * 60;
        if (!within(opening.value(weekday), from, to))
            fail(QStringLiteral("appointment %1 at %2 is outside opening hours")
                     .arg(r[0].toLongLong())
                     .arg(start.toString(Qt::ISODate)));
        if (!within(working.value({r[1].toLongLong(), weekday}), from, to))
            fail(QStringLiteral("appointment %1 at %2 is outside its practitioner's hours")
                     .arg(r[0].toLongLong())
                     .arg(start.toString(Qt::ISODate)));
    }

    // Not in a closure or blockout; weekly ones repeat at the same local time until repeat_until.
    for (const QVariantList &b :
         rows(db, QStringLiteral("SELECT id, practitioner_id, room_id, starts_at, ends_at, repeat, "
                                 "repeat_until FROM blockout"))) {
        const QDateTime firstStart = QDateTime::fromSecsSinceEpoch(b[3].toLongLong(), newYork);
        const QDateTime firstEnd = QDateTime::fromSecsSinceEpoch(b[4].toLongLong(), newYork);
        const QDate until = b[5].toString() == QLatin1String("weekly") ? QDate::fromString(b[6].toString(), Qt::ISODate)
                                                                       : firstStart.date();
        QString scope;
        if (!b[1].isNull())
            scope = QStringLiteral(" AND practitioner_id = %1").arg(b[1].toLongLong());
        else if (!b[2].isNull())
            scope = QStringLiteral(" AND room_id = %1").arg(b[2].toLongLong());
        for (int week = 0; firstStart.date().addDays(7 * week) <= until; ++week) {
            const qint64 from =
                QDateTime(firstStart.date().addDays(7 * week), firstStart.time(), newYork).toSecsSinceEpoch();
            const qint64 to = QDateTime(firstEnd.date().addDays(7 * week), firstEnd.time(), newYork).toSecsSinceEpoch();
            const qint64 inside = scalar(db, QStringLiteral("SELECT count(*) FROM appointment WHERE starts_at < %1 AND "
                                                            "ends_at + 60 * cleanup_min > %2%3")
                                                 .arg(to)
                                                 .arg(from)
                                                 .arg(scope));
            if (inside != 0)
                fail(QStringLiteral("%1 appointments inside blockout %2").arg(inside).arg(b[0].toLongLong()));
        }
    }

    // A plan's sessions: numbered 1, 2, ... on the plan's patient and type, 4-6 weeks apart (and
    // within the plan's own interval), performed exactly when their appointment was completed.
    const auto sessions =
        rows(db,
             QStringLiteral("SELECT s.plan_id, s.sequence_no, a.starts_at, p.interval_min_weeks, p.interval_max_weeks, "
                            "a.patient_id = p.patient_id, a.type_id = p.type_id, a.status, s.performed_at IS NOT NULL "
                            "FROM treatment_session s JOIN appointment a ON a.id = s.appointment_id "
                            "JOIN treatment_plan p ON p.id = s.plan_id ORDER BY s.plan_id, s.sequence_no"));
    qint64 plan = -1;
    int sequence = 0;
    QDate previous;
    for (const QVariantList &s : sessions) {
        const QDate day = QDateTime::fromSecsSinceEpoch(s[2].toLongLong(), newYork).date();
        if (s[0].toLongLong() != plan) {
            plan = s[0].toLongLong();
            sequence = 0;
            previous = QDate();
        }
        if (s[1].toInt() != ++sequence)
            fail(QStringLiteral("plan %1 skips to session %2").arg(plan).arg(s[1].toInt()));
        if (!s[5].toBool() || !s[6].toBool())
            fail(QStringLiteral("plan %1 has a session of another patient or type").arg(plan));
        const QString status = s[7].toString();
        if (status == QLatin1String("cancelled") || status == QLatin1String("no_show"))
            fail(QStringLiteral("plan %1 counts a %2 appointment as a session").arg(plan).arg(status));
        if (s[8].toBool() != (status == QLatin1String("completed")))
            fail(QStringLiteral("plan %1 session %2 performed_at does not match its status")
                     .arg(plan)
                     .arg(s[1].toInt()));
        if (previous.isValid()) {
            const qint64 gap = previous.daysTo(day);
            if (gap < 28 || gap > 42 || gap < 7 * s[3].toInt() || gap > 7 * s[4].toInt())
                fail(QStringLiteral("plan %1 sessions %2 days apart").arg(plan).arg(gap));
        }
        previous = day;
    }
    return problems;
}

} // namespace

// The demo clinic: deterministic, realistic, and obeying every rule the program and the database know.
class TestDemoClinicGenerator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::FakeClock m_clock;
    QString m_path;
    std::unique_ptr<Database> m_db;
    DemoSummary m_summary;
    QList<int> m_progress;

    [[nodiscard]] QString freshPath(const QString &name) const
    {
        return m_dir.filePath(name + QStringLiteral(".dermdesk"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = freshPath(QStringLiteral("default"));
        DemoOptions options = defaultOptions();
        options.progress = [this](int percent) { m_progress.append(percent); };
        const auto made = DemoClinicGenerator(options, m_clock).createFile(m_path);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message()));
        m_summary = made.value();
        auto opened = Database::open(m_path);
        QVERIFY(opened.ok());
        m_db = std::move(opened).value();
    }

    void theDefaultIsASmallClinicAroundToday()
    {
        QCOMPARE(m_summary.practitioners, qint64(4));
        QCOMPARE(m_summary.rooms, qint64(4));
        QCOMPARE(m_summary.patients, qint64(400));
        QVERIFY2(m_summary.appointments > 1000 && m_summary.appointments < 4000,
                 qPrintable(QString::number(m_summary.appointments)));
        QVERIFY(m_summary.plans > 150);
        QVERIFY(m_summary.sessions > 400);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM appointment")), m_summary.appointments);

        const QDateTime first =
            QDateTime::fromSecsSinceEpoch(scalar(*m_db, QStringLiteral("SELECT min(starts_at) FROM appointment")),
                                          newYork);
        QVERIFY2(first.date() >= demoToday.addMonths(-7) && first.date() <= demoToday.addMonths(-5),
                 qPrintable(first.toString()));
        // Booked ahead: mostly the next few weeks, some whole courses further out.
        const qint64 now = QDateTime(demoToday, QTime(12, 0), newYork).toSecsSinceEpoch();
        const qint64 soon =
            scalar(*m_db, QStringLiteral("SELECT count(*) FROM appointment WHERE starts_at > %1 AND starts_at < %2")
                              .arg(now)
                              .arg(now + 42 * 86400));
        const qint64 later =
            scalar(*m_db,
                   QStringLiteral("SELECT count(*) FROM appointment WHERE starts_at >= %1").arg(now + 42 * 86400));
        QVERIFY2(soon > later && soon > 100, qPrintable(QStringLiteral("%1 soon, %2 later").arg(soon).arg(later)));
    }

    void theClinicIsDrHiersPractice()
    {
        const auto clinic = rows(*m_db, QStringLiteral("SELECT name, time_zone FROM clinic_settings"));
        QCOMPARE(clinic.size(), 1);
        QCOMPARE(clinic[0][0].toString(), QStringLiteral("Hiers Aesthetic Dermatology"));
        QCOMPARE(clinic[0][1].toString(), QStringLiteral("America/New_York"));
        const auto staff =
            rows(*m_db, QStringLiteral("SELECT display_name, title, colour FROM practitioner ORDER BY sort_order"));
        QCOMPARE(staff[0][0].toString(), QStringLiteral("Dr. Connie Hiers"));
        QVERIFY(staff[0][1].toString().startsWith(QLatin1String("MD")));
        QSet<QString> colours;
        for (const QVariantList &p : staff)
            colours.insert(p[2].toString());
        QCOMPARE(colours.size(), staff.size());
        // Several spans a day: a lunch break.
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT max(n) FROM (SELECT count(*) AS n FROM practitioner_hours "
                                             "GROUP BY practitioner_id, weekday)"))
                >= 2);
        // Only Dr. Hiers and the nurse do face & neck; everybody does consultations.
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM practitioner_type pt JOIN appointment_type t ON "
                                              "t.id = pt.type_id WHERE t.name LIKE '%face & neck%'")),
                 qint64(2));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM practitioner_type pt JOIN appointment_type t ON "
                                              "t.id = pt.type_id WHERE t.name = 'Consultation'")),
                 qint64(4));
        // One consultation room where no needling happens.
        QCOMPARE(
            scalar(*m_db,
                   QStringLiteral(
                       "SELECT count(*) FROM room r WHERE NOT EXISTS (SELECT 1 FROM room_type rt "
                       "JOIN appointment_type t ON t.id = rt.type_id WHERE rt.room_id = r.id AND t.is_treatment = 1)")),
            qint64(1));
        const auto face =
            rows(*m_db, QStringLiteral("SELECT duration_min, prep_min, cleanup_min, is_treatment FROM appointment_type "
                                       "WHERE name = 'Microneedling – face'"));
        QCOMPARE(face.size(), 1);
        QCOMPARE(face[0][0].toInt(), 60);
        QCOMPARE(face[0][1].toInt(), 20);
        QCOMPARE(face[0][2].toInt(), 10);
        QCOMPARE(face[0][3].toInt(), 1);
    }

    void everyRuleHolds()
    {
        const QStringList problems = ruleViolations(*m_db);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void theRuleCheckCatchesABrokenRow()
    {
        const QString copy = freshPath(QStringLiteral("broken"));
        QVERIFY(m_db->backupTo(copy).ok());
        auto opened = Database::open(copy);
        QVERIFY(opened.ok());
        QSqlQuery query(opened.value()->connection());
        // A cancelled visit moved to a Sunday morning: no overlap, so only the hours check can notice.
        const qint64 sunday = QDateTime(QDate(2026, 9, 6), QTime(9, 0), newYork).toSecsSinceEpoch();
        QVERIFY(
            query.exec(QStringLiteral("UPDATE appointment SET starts_at = %1, ends_at = %1 + 1800 WHERE id = "
                                      "(SELECT min(id) FROM appointment WHERE status = 'cancelled' AND cleanup_min = 0 "
                                      "AND ends_at - starts_at = 1800)")
                           .arg(sunday)));
        QCOMPARE(query.numRowsAffected(), 1);
        const QStringList problems = ruleViolations(*opened.value());
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.join(QLatin1Char('\n')).contains(QLatin1String("outside opening hours")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void theWeekHasARealisticShape()
    {
        QHash<int, int> byWeekday;
        int mornings = 0;
        int afternoons = 0;
        for (const QVariantList &r :
             rows(*m_db, QStringLiteral("SELECT starts_at FROM appointment WHERE status <> 'cancelled'"))) {
            const QDateTime local = QDateTime::fromSecsSinceEpoch(r[0].toLongLong(), newYork);
            ++byWeekday[local.date().dayOfWeek()];
            if (local.time().hour() < 12)
                ++mornings;
            else if (local.time().hour() >= 14)
                ++afternoons;
        }
        QCOMPARE(byWeekday.value(7), 0);
        QVERIFY(byWeekday.value(6) > 0);
        QVERIFY(byWeekday.value(6) < byWeekday.value(2));
        QVERIFY2(mornings > afternoons,
                 qPrintable(QStringLiteral("%1 mornings, %2 afternoons").arg(mornings).arg(afternoons)));
        // Closures: holidays for the whole clinic, a weekly team meeting, training days.
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM blockout WHERE reason LIKE '%Thanksgiving%' "
                                             "AND practitioner_id IS NULL AND room_id IS NULL"))
                == 1);
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM blockout WHERE reason LIKE '%Christmas%'")) == 1);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM blockout WHERE repeat = 'weekly'")), qint64(1));
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM blockout WHERE practitioner_id IS NOT NULL AND "
                                             "reason LIKE 'Training%'"))
                >= 1);
    }

    void visitsBeforeNowHappenedAndLaterOnesAreBooked()
    {
        const qint64 now = QDateTime(demoToday, QTime(12, 0), newYork).toSecsSinceEpoch();
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM appointment WHERE ends_at <= %1 AND status NOT IN "
                                              "('completed', 'cancelled', 'no_show')")
                                   .arg(now)),
                 qint64(0));
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT count(*) FROM appointment WHERE starts_at > %1 + 600 AND status NOT IN "
                                       "('booked', 'confirmed', 'cancelled')")
                            .arg(now)),
                 qint64(0));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM appointment WHERE starts_at <= %1 AND ends_at > %1 "
                                              "AND status NOT IN ('arrived', 'in_treatment', 'cancelled', 'no_show')")
                                   .arg(now)),
                 qint64(0));
        const auto mix = rows(*m_db, QStringLiteral("SELECT sum(status = 'completed'), sum(status = 'cancelled'), "
                                                    "sum(status = 'no_show') FROM appointment WHERE ends_at <= %1")
                                         .arg(now));
        const double completed = mix[0][0].toDouble();
        QVERIFY(mix[0][1].toDouble() > completed * 0.04 && mix[0][1].toDouble() < completed * 0.25);
        QVERIFY(mix[0][2].toDouble() > 0 && mix[0][2].toDouble() < completed * 0.1);
        // Today's earlier visits were seen, later ones are still to come.
        const qint64 dayStart = QDateTime(demoToday, QTime(0, 0), newYork).toSecsSinceEpoch();
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM appointment WHERE starts_at >= %1 AND ends_at <= %2 "
                                             "AND status = 'completed'")
                                  .arg(dayStart)
                                  .arg(now))
                > 0);
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM appointment WHERE starts_at > %1 AND starts_at < %2 "
                                             "AND status IN ('booked', 'confirmed')")
                                  .arg(now)
                                  .arg(dayStart + 86400))
                > 0);
        // Completed sessions are recorded; every status history follows the status machine's order.
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM treatment_session_area")) > m_summary.sessions / 2);
        QCOMPARE(scalar(*m_db, QStringLiteral(
                                   "SELECT count(*) FROM appointment a WHERE EXISTS (SELECT 1 FROM "
                                   "appointment_status_change c WHERE c.appointment_id = a.id) AND a.status <> "
                                   "(SELECT to_status FROM appointment_status_change c WHERE c.appointment_id = a.id "
                                   "ORDER BY at DESC, id DESC LIMIT 1)")),
                 qint64(0));
    }

    void patientsArePlausible()
    {
        const auto patients =
            rows(*m_db, QStringLiteral("SELECT given_name, family_name, phone, email, birth_date FROM patient"));
        QSet<QString> names;
        QSet<QChar::Script> scripts;
        static const QRegularExpression phone(
            QStringLiteral(R"(^(\(\d{3}\) |\d{3}-|\+1 \d{3}-|\d{3}\.)555[-.]01\d\d$)"));
        int emails = 0;
        for (const QVariantList &p : patients) {
            names.insert(p[0].toString() + QLatin1Char(' ') + p[1].toString());
            for (const QChar c : p[0].toString() + p[1].toString())
                scripts.insert(c.script());
            QVERIFY2(phone.match(p[2].toString()).hasMatch(), qPrintable(p[2].toString()));
            if (!p[3].toString().isEmpty()) {
                ++emails;
                QVERIFY2(p[3].toString().contains(QLatin1String("@"))
                             && p[3].toString().contains(QLatin1String("example")),
                         qPrintable(p[3].toString()));
            }
            const int age = int(QDate::fromString(p[4].toString(), Qt::ISODate).daysTo(demoToday) / 365.25);
            QVERIFY2(age >= 18 && age <= 75, qPrintable(p[4].toString()));
        }
        QVERIFY(emails > patients.size() / 2);
        for (const char *name : {"José García", "Zoë Brontë", "Jürgen Müller", "Ólafur Sigurðsson", "Thị Lan Nguyễn",
                                 "伟 王", "花子 佐藤", "Дмитрий Иванов", "Σοφία Παπαδοπούλου", "محمد علي"})
            QVERIFY2(names.contains(QString::fromUtf8(name)), name);
        for (QChar::Script script :
             {QChar::Script_Han, QChar::Script_Cyrillic, QChar::Script_Greek, QChar::Script_Arabic})
            QVERIFY(scripts.contains(script));
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM patient WHERE allergies <> ''")) > 0);
        // Nobody was a minor at a visit.
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT count(*) FROM patient p JOIN appointment a ON a.patient_id = p.id "
                                       "WHERE date(a.starts_at, 'unixepoch') < date(p.birth_date, '+18 years')")),
                 qint64(0));
    }

    void plansFollowTheGuide()
    {
        const auto concerns = rows(*m_db, QStringLiteral("SELECT DISTINCT concerns FROM treatment_plan"));
        QStringList all;
        for (const QVariantList &c : concerns)
            all.append(c[0].toString());
        for (const char *concern :
             {"skin texture", "fine lines and wrinkles", "acne scars", "skin tone and hyperpigmentation"})
            QVERIFY2(all.join(QLatin1Char('|')).contains(QLatin1String(concern)), concern);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM treatment_plan WHERE notes = '' AND "
                                              "(planned_sessions < 3 OR planned_sessions > 6)")),
                 qint64(0));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM treatment_plan WHERE interval_min_weeks < 4 OR "
                                              "interval_max_weeks > 6")),
                 qint64(0));
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM treatment_plan WHERE status = 'completed'")) > 0);
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT count(*) FROM treatment_plan WHERE status = 'active'")) > 0);
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT count(*) FROM treatment_plan WHERE lead_practitioner_id IS NULL")),
                 qint64(0));
    }

    void daylightSavingDaysKeepLocalHours()
    {
        // Fall back on Sunday 2026-11-01, spring forward on Sunday 2027-03-14.
        const demo::DemoCalendar calendar(QDate(2026, 10, 1), QDate(2027, 3, 31), newYork);
        for (const QDate day :
             {QDate(2026, 10, 30), QDate(2026, 10, 31), QDate(2026, 11, 2), QDate(2027, 3, 13), QDate(2027, 3, 15)}) {
            const int index = calendar.dayOf(day);
            QCOMPARE(calendar.toUtc(index, 8 * 60), QDateTime(day, QTime(8, 0), newYork).toSecsSinceEpoch());
            QCOMPARE(calendar.toUtc(index, 19 * 60), QDateTime(day, QTime(19, 0), newYork).toSecsSinceEpoch());
            QCOMPARE(calendar.dayOfInstant(calendar.toUtc(index, 12 * 60)), index);
        }
        QCOMPARE(calendar.toUtc(calendar.dayOf(QDate(2026, 10, 30)), 8 * 60) % 86400, 12 * 3600);
        QCOMPARE(calendar.toUtc(calendar.dayOf(QDate(2026, 11, 2)), 8 * 60) % 86400, 13 * 3600);

        // In the generated clinic the Monday after the autumn switch opens at 08:00 local time, not an
        // hour off, and no day around either switch starts before the clinic opens.
        const qint64 monday = QDateTime(QDate(2026, 11, 2), QTime(0, 0), newYork).toSecsSinceEpoch();
        const qint64 first =
            scalar(*m_db, QStringLiteral("SELECT min(starts_at) FROM appointment WHERE starts_at >= %1 "
                                         "AND starts_at < %2")
                              .arg(monday)
                              .arg(monday + 86400));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(first, newYork).time(), QTime(8, 0));
        for (const QDate switchDay : {QDate(2026, 11, 1), QDate(2027, 3, 14)}) {
            const qint64 from = QDateTime(switchDay.addDays(-6), QTime(0, 0), newYork).toSecsSinceEpoch();
            const qint64 to = QDateTime(switchDay.addDays(7), QTime(0, 0), newYork).toSecsSinceEpoch();
            for (const QVariantList &r :
                 rows(*m_db, QStringLiteral("SELECT starts_at FROM appointment WHERE starts_at >= %1 "
                                            "AND starts_at < %2")
                                 .arg(from)
                                 .arg(to))) {
                const QDateTime local = QDateTime::fromSecsSinceEpoch(r[0].toLongLong(), newYork);
                QVERIFY2(local.time() >= QTime(local.date().dayOfWeek() == 6 ? 9 : 8, 0),
                         qPrintable(local.toString(Qt::ISODate)));
            }
        }
    }

    void theSameOptionsGiveTheSameClinic()
    {
        const QString again = freshPath(QStringLiteral("again"));
        test::FakeClock otherClock(QDateTime(QDate(2030, 1, 1), QTime(9, 0), Qt::UTC));
        QVERIFY(DemoClinicGenerator(defaultOptions(), otherClock).createFile(again).ok());
        auto reopened = Database::open(again);
        QVERIFY(reopened.ok());
        QCOMPARE(digest(*reopened.value()), digest(*m_db));

        const QString reseeded = freshPath(QStringLiteral("reseeded"));
        DemoOptions options = defaultOptions();
        options.seed += 1;
        QVERIFY(DemoClinicGenerator(options, m_clock).createFile(reseeded).ok());
        auto other = Database::open(reseeded);
        QVERIFY(other.ok());
        QVERIFY(digest(*other.value()) != digest(*m_db));
    }

    void progressRunsFromZeroToAHundred()
    {
        QVERIFY(m_progress.size() > 3);
        QCOMPARE(m_progress.first(), 0);
        QCOMPARE(m_progress.last(), 100);
        QVERIFY(std::is_sorted(m_progress.begin(), m_progress.end()));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'demo.generate'")),
                 qint64(1));
    }

    void aBiggerClinicGetsMoreStaffAndStillObeysTheRules()
    {
        const QString path = freshPath(QStringLiteral("bigger"));
        DemoOptions options = defaultOptions();
        options.patients = 3000;
        options.years = 2;
        const auto made = DemoClinicGenerator(options, m_clock).createFile(path);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message()));
        QVERIFY(made.value().practitioners >= 8);
        QCOMPARE(made.value().practitioners % 4, qint64(0));
        QCOMPARE(made.value().rooms, made.value().practitioners);
        QVERIFY(made.value().appointments > 15000);
        auto opened = Database::open(path);
        QVERIFY(opened.ok());
        const QStringList problems = ruleViolations(*opened.value());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // Room names stay unique as the clinic grows; few courses had to pause for want of a slot.
        QCOMPARE(scalar(*opened.value(), QStringLiteral("SELECT count(DISTINCT name) FROM room")), made.value().rooms);
        QVERIFY(scalar(*opened.value(), QStringLiteral("SELECT count(*) FROM treatment_plan WHERE stop_reason LIKE "
                                                       "'%no suitable time%'"))
                < made.value().plans / 20);
    }

    void aClinicIsNeverFilledTwice()
    {
        const auto refused = DemoClinicGenerator(defaultOptions(), m_clock).generate(*m_db);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field(), QStringLiteral("database"));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM patient")), qint64(400));
    }
};

QTEST_GUILESS_MAIN(TestDemoClinicGenerator)
#include "tst_democlinicgenerator.moc"
