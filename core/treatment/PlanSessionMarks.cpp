#include "PlanSessionMarks.h"

#include "IntervalWindow.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace dermdesk {

void markPlanSessions(const Database &database, const ClinicTime &time, const ClinicTime::Range &range,
                      QList<AgendaEntry> &entries)
{
    if (entries.isEmpty())
        return;
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT a.id, s.sequence_no, tp.planned_sessions, tp.interval_min_weeks, tp.interval_max_weeks, "
        "s.interval_override_reason, pa.starts_at, ps.performed_at, pa.status, a.starts_at "
        "FROM appointment a "
        "JOIN treatment_session s ON s.appointment_id = a.id "
        "JOIN treatment_plan tp ON tp.id = s.plan_id "
        "LEFT JOIN treatment_session ps ON ps.plan_id = s.plan_id AND ps.sequence_no = s.sequence_no - 1 "
        "LEFT JOIN appointment pa ON pa.id = ps.appointment_id "
        "WHERE a.starts_at >= ? AND a.starts_at < ?"));
    query.addBindValue(range.from);
    query.addBindValue(range.to);
    if (!query.exec())
        return;
    struct Mark
    {
        QString text;
        bool outside = false;
    };
    QHash<qint64, Mark> marks;
    while (query.next()) {
        Mark mark;
        mark.text = QCoreApplication::translate("dermdesk::ScheduleModel", "%1 of %2")
                        .arg(query.value(1).toInt())
                        .arg(query.value(2).toInt());
        const QString previousStatus = query.value(8).toString();
        const bool previousDated = !query.value(7).isNull()
                                   || (!previousStatus.isEmpty() && previousStatus != QLatin1String("cancelled")
                                       && previousStatus != QLatin1String("no_show"));
        if (previousDated && query.value(5).toString().isEmpty()) {
            const qint64 previousAt =
                query.value(6).isNull() ? query.value(7).toLongLong() : query.value(6).toLongLong();
            const IntervalWindow window =
                IntervalWindow::after(time.localDate(previousAt), query.value(3).toInt(), query.value(4).toInt());
            const SessionTiming timing = IntervalWindow::judge(time.localDate(query.value(9).toLongLong()), window);
            mark.outside = timing == SessionTiming::Early || timing == SessionTiming::Late;
        }
        marks.insert(query.value(0).toLongLong(), mark);
    }
    for (AgendaEntry &entry : entries) {
        const auto mark = marks.constFind(entry.id);
        if (mark == marks.constEnd())
            continue;
        entry.planSession = mark->text;
        entry.outsideWindow = mark->outside;
    }
}

} // namespace dermdesk
