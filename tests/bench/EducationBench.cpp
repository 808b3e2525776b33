#include "EducationBench.h"

#include "BenchReport.h"
#include "DemoDatabase.h"
#include "clinic/ClinicRepository.h"
#include "education/DaySheetComposer.h"
#include "education/HandoutComposer.h"
#include "ui/print/DocumentPrinter.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

namespace dermdesk::bench {

namespace {

// The clinic's settings as stored (the defaults when none can be read), for the paper of its printouts.
ClinicSettings storedClinic(const Database &database)
{
    const auto settings = ClinicRepository(database).settings();
    return settings && settings.value() ? *settings.value() : ClinicSettings();
}

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

// The date whose appointment count is nearest 60 (counted by UTC date; the day sheet reads the clinic's
// local day, so its own row count is reported beside the figure).
QDate dayNearSixty(const Database &database)
{
    QSqlQuery query(database.connection());
    // Days as UTC day numbers (portable SQL: the same day on every engine).
    if (!query.exec(QStringLiteral("SELECT starts_at / 86400 AS day, count(*) AS n FROM appointment "
                                   "GROUP BY starts_at / 86400 ORDER BY abs(count(*) - 60), day DESC LIMIT 1"))
        || !query.next())
        return {};
    return QDate(1970, 1, 1).addDays(query.value(0).toLongLong());
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
                document
                    ? DocumentPrinter::writePdf(document.value().html, folder.filePath(QStringLiteral("handout.pdf")),
                                                PageSetup::forClinic(storedClinic(database), document.value()))
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

    const QDate day = dayNearSixty(database);
    if (!day.isValid()) {
        report.skipped(QStringLiteral("day_sheet_pdf_ms"), QStringLiteral("no appointments"));
        return;
    }
    const DaySheetComposer composer(database, *fixture.clock);
    QList<double> samples;
    QString failure;
    int count = 0;
    for (int run = 0; run < runs && failure.isEmpty(); ++run) {
        QElapsedTimer timer;
        timer.start();
        auto document = composer.compose(day);
        if (document)
            count = int(document.value().html.count(QLatin1String("<tr>"))) - 2;
        Status written =
            document ? DocumentPrinter::writePdf(document.value().html, folder.filePath(QStringLiteral("day.pdf")),
                                                 PageSetup::forClinic(storedClinic(database), document.value()))
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
