#include "EducationBench.h"

#include "BenchReport.h"
#include "DemoDatabase.h"
#include "DocumentPrinter.h"
#include "calendar/ClinicTime.h"
#include "clinic/ClinicRepository.h"
#include "education/DaySheetComposer.h"
#include "education/HandoutComposer.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

namespace dermdesk::bench {

namespace {

// A patient with an active plan and the most sessions still booked after `now`; 0 when there is none.
qint64 patientWithCourse(const Database &database, qint64 now)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT tp.patient_id FROM appointment a "
                                 "JOIN treatment_session s ON s.appointment_id = a.id "
                                 "JOIN treatment_plan tp ON tp.id = s.plan_id "
                                 "WHERE a.starts_at >= ? AND a.starts_at < ? + 180 * 86400 AND tp.status = 'active' "
                                 "GROUP BY tp.patient_id ORDER BY count(*) DESC, tp.patient_id LIMIT 1"));
    query.addBindValue(now);
    query.addBindValue(now);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

// The local date (within a year before `now`) whose appointment count is nearest 60, and that count.
std::pair<QDate, int> dayNearSixty(const Database &database, const ClinicTime &time, qint64 now)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT starts_at FROM appointment WHERE starts_at >= ? - 365 * 86400 AND "
                                 "starts_at < ? ORDER BY starts_at"));
    query.addBindValue(now);
    query.addBindValue(now);
    QHash<QDate, int> counts;
    if (query.exec()) {
        while (query.next())
            ++counts[time.localDate(query.value(0).toLongLong())];
    }
    std::pair<QDate, int> best{QDate(), 0};
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!best.first.isValid() || std::abs(it.value() - 60) < std::abs(best.second - 60)
            || (std::abs(it.value() - 60) == std::abs(best.second - 60) && it.key() > best.first))
            best = {it.key(), it.value()};
    }
    return best;
}

} // namespace

void benchEducation(BenchReport &report, const QString &path, int runs)
{
    DemoDatabase fixture = openDemo(path);
    if (!fixture.failure.isEmpty()) {
        report.skipped(QStringLiteral("handout_pdf_ms"), fixture.failure);
        report.skipped(QStringLiteral("day_sheet_pdf_ms"), fixture.failure);
        return;
    }
    const Database &database = *fixture.database;
    const qint64 now = fixture.clock->now().toSecsSinceEpoch();
    QTemporaryDir folder;
    auto guide = Guide::load();
    if (!guide) {
        report.skipped(QStringLiteral("handout_pdf_ms"), guide.error().message());
        return;
    }

    const qint64 patient = patientWithCourse(database, now);
    if (patient == 0) {
        report.skipped(QStringLiteral("handout_pdf_ms"), QStringLiteral("no patient with a booked course"));
    } else {
        const HandoutComposer composer(database, guide.value(), *fixture.clock);
        QList<double> samples;
        QString failure;
        for (int run = 0; run < runs && failure.isEmpty(); ++run) {
            QElapsedTimer timer;
            timer.start();
            auto document = composer.compose(patient);
            Status written =
                document ? DocumentPrinter::writePdf(document.value().html,
                                                     folder.filePath(QStringLiteral("handout.pdf")), PageSetup())
                         : Status(document.error());
            if (!written)
                failure = written.error().message();
            samples.append(msSince(timer));
        }
        if (!failure.isEmpty())
            report.skipped(QStringLiteral("handout_pdf_ms"), failure);
        else
            report.metric(QStringLiteral("handout_pdf_ms"), BenchReport::median(samples), QStringLiteral("ms"), 300,
                          QStringLiteral("patient %1").arg(patient));
    }

    const ClinicTime time(ClinicRepository(database).timeZone());
    const auto [day, count] = dayNearSixty(database, time, now);
    if (!day.isValid()) {
        report.skipped(QStringLiteral("day_sheet_pdf_ms"), QStringLiteral("no appointments in the last year"));
        return;
    }
    const DaySheetComposer composer(database, *fixture.clock);
    PageSetup landscape;
    landscape.landscape = true;
    QList<double> samples;
    QString failure;
    for (int run = 0; run < runs && failure.isEmpty(); ++run) {
        QElapsedTimer timer;
        timer.start();
        auto document = composer.compose(day);
        Status written = document ? DocumentPrinter::writePdf(document.value().html,
                                                              folder.filePath(QStringLiteral("day.pdf")), landscape)
                                  : Status(document.error());
        if (!written)
            failure = written.error().message();
        samples.append(msSince(timer));
    }
    if (!failure.isEmpty())
        report.skipped(QStringLiteral("day_sheet_pdf_ms"), failure);
    else
        report.metric(QStringLiteral("day_sheet_pdf_ms"), BenchReport::median(samples), QStringLiteral("ms"), 300,
                      QStringLiteral("%1, %2 appointments").arg(day.toString(Qt::ISODate)).arg(count));
}

} // namespace dermdesk::bench
