#include "TreatmentBench.h"

#include "BenchReport.h"
#include "DemoDatabase.h"
#include "calendar/ClinicTime.h"
#include "calendar/ScheduleSetup.h"
#include "treatment/RecallList.h"
#include "treatment/SeriesPlanner.h"
#include "treatment/TreatmentPlanRepository.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>

namespace dermdesk::bench {

namespace {

// A new 6-session plan for a patient without an open plan, with the practitioner who has the most treatment
// sessions booked ahead (the hardest calendar to fit a course into). 0 when none could be stored.
qint64 newPlan(const Database &database, const Clock &clock, QString &failure)
{
    QSqlQuery query(database.connection());
    if (!query.exec(
            QStringLiteral("SELECT a.practitioner_id, a.type_id, count(*) AS n FROM appointment a "
                           "JOIN appointment_type t ON t.id = a.type_id AND t.is_treatment = 1 AND t.active = 1 "
                           "WHERE a.starts_at >= %1 AND a.status IN ('booked', 'confirmed') "
                           "GROUP BY a.practitioner_id, a.type_id ORDER BY n DESC LIMIT 1")
                .arg(clock.now().toSecsSinceEpoch()))
        || !query.next()) {
        failure = QStringLiteral("no treatment sessions booked ahead");
        return 0;
    }
    TreatmentPlan plan;
    plan.leadPractitionerId = query.value(0).toLongLong();
    plan.typeId = query.value(1).toLongLong();
    plan.plannedSessions = 6;
    plan.intervalMinWeeks = 4;
    plan.intervalMaxWeeks = 6;
    plan.concerns = {QStringLiteral("acne scars")};
    plan.areas = {{QStringLiteral("face"), 1.0}};
    if (!query.exec(
            QStringLiteral("SELECT p.id FROM patient p WHERE p.archived = 0 AND NOT EXISTS "
                           "(SELECT 1 FROM treatment_plan tp WHERE tp.patient_id = p.id) ORDER BY p.id LIMIT 1"))
        || !query.next()) {
        failure = QStringLiteral("no patient without a plan");
        return 0;
    }
    plan.patientId = query.value(0).toLongLong();
    query.finish();
    auto created = TreatmentPlanRepository(database, clock).create(plan);
    if (!created) {
        failure = created.error().message();
        return 0;
    }
    return created.value().id;
}

void benchCoursePropose(BenchReport &report, const DemoDatabase &fixture, int runs)
{
    const QString metric = QStringLiteral("course_propose_ms");
    QString failure;
    const qint64 id = newPlan(*fixture.database, *fixture.clock, failure);
    if (id == 0) {
        report.skipped(metric, failure);
        return;
    }
    auto plan = TreatmentPlanRepository(*fixture.database, *fixture.clock).find(id);
    if (!plan) {
        report.skipped(metric, plan.error().message());
        return;
    }
    QList<double> samples;
    qsizetype sessions = 0;
    for (int run = 0; run < runs + 1; ++run) {
        QElapsedTimer timer;
        timer.start();
        // A new planner each time, as the "Book course" dialog makes one: nothing is cached between runs.
        auto proposal = SeriesPlanner(*fixture.database, *fixture.clock).propose(plan.value());
        const double ms = msSince(timer);
        if (!proposal) {
            report.skipped(metric, proposal.error().message());
            return;
        }
        sessions = proposal.value().sessions.size();
        if (run > 0)
            samples.append(ms);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 20.0,
                  QStringLiteral("%1 sessions proposed for plan %2 (practitioner %3); median of %4")
                      .arg(sessions)
                      .arg(id)
                      .arg(plan.value().leadPractitionerId.value_or(0))
                      .arg(runs));
}

void benchRecallList(BenchReport &report, const DemoDatabase &fixture, int runs)
{
    const QString metric = QStringLiteral("recall_list_ms");
    auto setup = ScheduleSetup::load(*fixture.database);
    if (!setup) {
        report.skipped(metric, setup.error().message());
        return;
    }
    const ClinicTime &time = setup.value().time();
    const RecallList recall(*fixture.database, time.zone());
    const int horizon = recall.horizonSetting().ok() ? recall.horizonSetting().value() : 14;
    const QDate today = time.localDate(fixture.clock->now().toSecsSinceEpoch());
    QSqlQuery query(fixture.database->connection());
    const qint64 active =
        query.exec(QStringLiteral("SELECT count(*) FROM treatment_plan WHERE status = 'active'")) && query.next()
            ? query.value(0).toLongLong()
            : -1;
    query.finish();
    QList<double> samples;
    qsizetype entries = 0;
    for (int run = 0; run < runs + 1; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto list = recall.build(today, horizon);
        const double ms = msSince(timer);
        if (!list) {
            report.skipped(metric, list.error().message());
            return;
        }
        entries = list.value().size();
        if (run > 0)
            samples.append(ms);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 50.0,
                  QStringLiteral("%1 active plans, %2 to call on %3 (horizon %4 days); median of %5")
                      .arg(active)
                      .arg(entries)
                      .arg(today.toString(Qt::ISODate))
                      .arg(horizon)
                      .arg(runs));
}

void benchPlanList(BenchReport &report, const DemoDatabase &fixture, int runs)
{
    const QString metric = QStringLiteral("plan_list_ms");
    const TreatmentPlanRepository plans(*fixture.database, *fixture.clock);
    QList<double> samples;
    qsizetype rows = 0;
    qsizetype withNext = 0;
    for (int run = 0; run < runs + 1; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto open = plans.openPlans();
        const double ms = msSince(timer);
        if (!open) {
            report.skipped(metric, open.error().message());
            return;
        }
        rows = open.value().size();
        withNext = std::count_if(open.value().cbegin(), open.value().cend(),
                                 [](const PlanSummary &plan) { return plan.nextSessionAt.has_value(); });
        if (run > 0)
            samples.append(ms);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), {},
                  QStringLiteral("TreatmentPlanRepository::openPlans (the plans list): %1 open plans, %2 with a next "
                                 "session booked; median of %3")
                      .arg(rows)
                      .arg(withNext)
                      .arg(runs));
}

} // namespace

void benchTreatment(BenchReport &report, const QString &path, int runs)
{
    const DemoDatabase fixture = openDemo(path);
    if (!fixture.failure.isEmpty()) {
        report.skipped(QStringLiteral("course_propose_ms"), fixture.failure);
        report.skipped(QStringLiteral("recall_list_ms"), fixture.failure);
        report.skipped(QStringLiteral("plan_list_ms"), fixture.failure);
        return;
    }
    benchCoursePropose(report, fixture, runs);
    benchRecallList(report, fixture, runs);
    benchPlanList(report, fixture, runs);
}

} // namespace dermdesk::bench
