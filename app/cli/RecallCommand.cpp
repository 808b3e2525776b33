#include "RecallCommand.h"

#include "CliContext.h"
#include "ScheduleArguments.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"
#include "treatment/RecallList.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::RecallCommand");

} // namespace

QString RecallCommand::summary() const
{
    return tr("List patients whose next treatment session is due and not booked.");
}

QString RecallCommand::synopsis() const
{
    return QStringLiteral("[--date YYYY-MM-DD] [--days N]");
}

QList<QCommandLineOption> RecallCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("date"), tr("The day the list is for (default: today)."),
                               QStringLiteral("YYYY-MM-DD")),
            QCommandLineOption(QStringLiteral("days"),
                               tr("Also list windows opening within N days (default: the clinic's setting)."),
                               QStringLiteral("N"))};
}

int RecallCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    auto date = CliContext::date(parser, QStringLiteral("date"));
    if (!date)
        return context.fail(date.error());
    auto opened = ScheduleArguments::open(context, CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    const ClinicSession &session = *opened.value().session;
    const ClinicTime &time = opened.value().time();
    const RecallList recall(session.database(), time.zone());
    auto setting = recall.horizonSetting();
    if (!setting)
        return context.fail(setting.error());
    auto days = CliContext::integer(parser, QStringLiteral("days"), 0, 366, setting.value());
    if (!days)
        return context.fail(days.error());
    const QDate day = date.value().isValid() ? date.value() : time.localDate(session.clock().now().toSecsSinceEpoch());
    auto list = recall.build(day, int(days.value()));
    if (!list)
        return context.fail(list.error());
    if (context.json()) {
        QJsonArray entries;
        for (const RecallEntry &e : list.value())
            entries.append(QJsonObject{{QStringLiteral("plan_id"), e.planId},
                                       {QStringLiteral("patient_id"), e.patientId},
                                       {QStringLiteral("patient"), e.patientName},
                                       {QStringLiteral("phone"), e.phone},
                                       {QStringLiteral("next_session"), e.nextSequence},
                                       {QStringLiteral("planned_sessions"), e.plannedSessions},
                                       {QStringLiteral("window_start"), e.windowStart.toString(Qt::ISODate)},
                                       {QStringLiteral("window_end"), e.windowEnd.toString(Qt::ISODate)},
                                       {QStringLiteral("days_left"), e.daysLeft},
                                       {QStringLiteral("overdue"), e.isOverdue()}});
        context.printJson({{QStringLiteral("date"), day.toString(Qt::ISODate)}, {QStringLiteral("recall"), entries}});
        return 0;
    }
    for (const RecallEntry &e : list.value()) {
        context.out() << tr("plan %1  %2  %3  session %4 of %5  window %6 – %7  %8")
                             .arg(e.planId)
                             .arg(CliContext::shown(e.patientName),
                                  e.phone.isEmpty() ? tr("(no phone)") : CliContext::shown(e.phone))
                             .arg(e.nextSequence)
                             .arg(e.plannedSessions)
                             .arg(e.windowStart.toString(Qt::ISODate), e.windowEnd.toString(Qt::ISODate),
                                  e.isOverdue() ? tr("OVERDUE by %1 days").arg(-e.daysLeft)
                                                : tr("%1 days left").arg(e.daysLeft))
                      << Qt::endl;
    }
    return 0;
}

} // namespace dermdesk::cli
