#include "PatientBench.h"

#include "BenchReport.h"
#include "DemoDatabase.h"
#include "ScratchClinic.h"
#include "agenda/AgendaRepository.h"
#include "calendar/AppointmentRepository.h"
#include "clinic/ClinicRepository.h"
#include "patients/PatientCsvImporter.h"
#include "patients/PatientListModel.h"
#include "patients/PatientRepository.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <sqlite3.h>

#include <memory>

namespace dermdesk::bench {

namespace {

// What a receptionist types: every prefix of "family given" (up to three letters of the given name) for a
// few patients spread over the file, then one of their mobile numbers digit by digit.
QStringList keystrokes(const Database &database)
{
    QStringList typed;
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT family_name, given_name, phone FROM patient WHERE archived = 0 "
                                   "AND id % 9973 = 17 ORDER BY id LIMIT 6")))
        return typed;
    QString phone;
    while (query.next()) {
        const QString text = query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString().left(3);
        for (qsizetype n = 1; n <= text.size(); ++n) {
            if (text.at(n - 1) != QLatin1Char(' '))
                typed.append(text.left(n));
        }
        if (phone.isEmpty())
            phone = query.value(2).toString();
    }
    for (qsizetype n = 3; n <= phone.size(); ++n)
        typed.append(phone.left(n));
    return typed;
}

// Steps `statement` with the bare C API, reading every column and adding the first (the patient's id) to `ids`;
// returns the rows or -1.
int stepRaw(sqlite3 *db, const PatientRepository::SearchStatement &statement, QList<qint64> &ids, QString &failure)
{
    sqlite3_stmt *prepared = nullptr;
    const QByteArray sql = statement.sql.toUtf8();
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &prepared, nullptr) != SQLITE_OK) {
        failure = QString::fromUtf8(sqlite3_errmsg(db));
        return -1;
    }
    for (int i = 0; i < statement.values.size(); ++i) {
        const QVariant &value = statement.values.at(i);
        if (value.typeId() == QMetaType::QString) {
            const QByteArray text = value.toString().toUtf8();
            sqlite3_bind_text(prepared, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(prepared, i + 1, value.toLongLong());
        }
    }
    int rows = 0;
    qint64 bytes = 0;
    while (sqlite3_step(prepared) == SQLITE_ROW) {
        ++rows;
        ids.append(sqlite3_column_int64(prepared, 0));
        for (int column = 0; column < sqlite3_column_count(prepared); ++column) {
            if (sqlite3_column_type(prepared, column) == SQLITE_TEXT)
                bytes += qstrlen(reinterpret_cast<const char *>(sqlite3_column_text(prepared, column)));
            else
                bytes += sqlite3_column_int64(prepared, column) != 0 ? 8 : 0;
        }
    }
    sqlite3_finalize(prepared);
    return bytes >= 0 ? rows : -1;
}

} // namespace

void benchPatientSearch(BenchReport &report, const QString &path, int runs)
{
    const QString metric = QStringLiteral("patient_search_ms");
    DemoDatabase fixture = openDemo(path);
    if (!fixture.failure.isEmpty()) {
        report.skipped(metric, fixture.failure);
        return;
    }
    const Database &database = *fixture.database;
    const QStringList typed = keystrokes(database);
    if (typed.isEmpty()) {
        report.skipped(metric, QStringLiteral("the database has no patients"));
        return;
    }
    const AppointmentRepository appointments(database, *fixture.clock);
    PatientListModel model(database, appointments, ClinicRepository(database).timeZone(), *fixture.clock);
    const int visibleRows = 30;
    QList<double> samples;
    qint64 rows = 0;
    for (int run = 0; run < runs + 1; ++run) {
        for (const QString &text : typed) {
            QElapsedTimer timer;
            timer.start();
            if (Status searched = model.search(text); !searched) {
                report.skipped(metric, searched.error().message());
                return;
            }
            for (int row = 0; row < std::min(model.rowCount(), visibleRows); ++row) {
                for (int column = 0; column < model.columnCount(); ++column)
                    (void)model.data(model.index(row, column));
            }
            const double ms = msSince(timer);
            if (run > 0) { // the first run warms the page cache
                samples.append(ms);
                rows += model.rowCount();
            }
        }
    }
    const double modelMs = BenchReport::median(samples);
    std::sort(samples.begin(), samples.end());
    const double p90 = samples.at(qsizetype(double(samples.size() - 1) * 0.9));
    report.metric(metric, modelMs, QStringLiteral("ms"), targetFor(database, 5.0, 10.0),
                  QStringLiteral("%1 keystrokes x %2 runs, %3 rows a keystroke on average, 90th percentile %4 ms, "
                                 "slowest %5 ms")
                      .arg(typed.size())
                      .arg(runs)
                      .arg(double(rows) / double(samples.size()), 0, 'f', 1)
                      .arg(p90, 0, 'f', 2)
                      .arg(samples.last(), 0, 'f', 2));

    sqlite3 *db = database.nativeHandle();
    if (!db) {
        report.skipped(QStringLiteral("patient_search_ms_raw"),
                       QStringLiteral("bare sqlite3 statements: a clinic file only"));
        return;
    }
    const PatientRepository repository(database, *fixture.clock);
    QList<double> rawSamples;
    for (int run = 0; run < runs + 1; ++run) {
        for (const QString &text : typed) {
            const auto statement =
                repository.searchStatement(text, model.pageSize() + 1, PatientRepository::SearchOptions());
            if (!statement) {
                report.skipped(QStringLiteral("patient_search_ms_raw"), statement.error().message());
                return;
            }
            QString failure;
            QList<qint64> ids;
            QElapsedTimer timer;
            timer.start();
            if (!statement.value().matchesNothing && stepRaw(db, statement.value(), ids, failure) < 0) {
                report.skipped(QStringLiteral("patient_search_ms_raw"), failure);
                return;
            }
            ids.resize(std::min(ids.size(), qsizetype(model.pageSize())));
            if (!ids.isEmpty()) {
                PatientRepository::SearchStatement next;
                next.sql = QString::fromLatin1(AppointmentRepository::nextVisitsStatement(ids.size()));
                for (const qint64 id : std::as_const(ids))
                    next.values.append(id);
                next.values.append(fixture.clock->now().toSecsSinceEpoch());
                QList<qint64> patients;
                if (stepRaw(db, next, patients, failure) < 0) {
                    report.skipped(QStringLiteral("patient_search_ms_raw"), failure);
                    return;
                }
            }
            if (run > 0)
                rawSamples.append(msSince(timer));
        }
    }
    const double raw = BenchReport::median(rawSamples);
    report.metric(QStringLiteral("patient_search_ms_raw"), raw, QStringLiteral("ms"), {},
                  QStringLiteral("the same statements (PatientRepository::searchStatement, then "
                                 "AppointmentRepository::nextVisitsStatement for the page's patients) stepped by the "
                                 "bare sqlite3 C API, every column read"));
    report.metric(QStringLiteral("patient_search_ratio"), raw > 0 ? modelMs / raw : 0, QStringLiteral("ratio"), 2.0);
}

void benchPatientOpen(BenchReport &report, const QString &path, int runs)
{
    const QString metric = QStringLiteral("patient_open_ms");
    DemoDatabase fixture = openDemo(path);
    if (!fixture.failure.isEmpty()) {
        report.skipped(metric, fixture.failure);
        return;
    }
    const Database &database = *fixture.database;
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT patient_id, count(*) AS n FROM appointment GROUP BY patient_id "
                                   "ORDER BY n DESC LIMIT 1"))
        || !query.next()) {
        report.skipped(metric, QStringLiteral("the database has no appointments"));
        return;
    }
    const qint64 patientId = query.value(0).toLongLong();
    query.finish();
    QList<double> samples;
    qsizetype visits = 0;
    for (int run = 0; run < runs + 1; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto record = PatientRepository(database, *fixture.clock).find(patientId);
        const auto attendance = AppointmentRepository(database, *fixture.clock).attendance(patientId);
        const auto timeline = AgendaRepository(database).patientVisits(patientId);
        const double ms = msSince(timer);
        if (!record || !attendance || !timeline) {
            report.skipped(metric, !record ? record.error().message()
                                           : (!attendance ? attendance.error().message() : timeline.error().message()));
            return;
        }
        visits = timeline.value().size();
        if (run > 0)
            samples.append(ms);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 20.0,
                  QStringLiteral("patient %1 with %2 appointments: record, attendance, timeline; median of %3")
                      .arg(patientId)
                      .arg(visits)
                      .arg(runs));
}

void benchPatientImport(BenchReport &report, const QString &path, int runs)
{
    const QString metric = QStringLiteral("import_10k_ms");
    QByteArray csv = "First name,Surname,Date of birth,Mobile,Email\n";
    for (int i = 0; i < 10000; ++i) {
        csv += QStringLiteral("Given%1,Family%1,%2,+1 555 %3,given%1@example.com\n")
                   .arg(i)
                   .arg(QDate(1950, 1, 1).addDays(i * 2).toString(Qt::ISODate))
                   .arg(2000000 + i)
                   .toUtf8();
    }
    QList<double> samples;
    for (int run = 0; run < runs; ++run) {
        const ScratchClinic clinic(path, ScratchClinic::Kind::Empty);
        if (!clinic.failure().isEmpty()) {
            report.skipped(metric, clinic.failure());
            return;
        }
        auto opened = Database::open(clinic.location());
        if (!opened) {
            report.skipped(metric, opened.error().message());
            return;
        }
        QSqlQuery query(opened.value()->connection());
        query.exec(QStringLiteral("INSERT INTO clinic_settings (id, name, time_zone, created_at) "
                                  "VALUES (1, 'Bench', 'UTC', 0)"));
        QElapsedTimer timer;
        timer.start();
        auto imported = PatientCsvImporter(*opened.value()).import(csv, PatientCsvImporter::Mode::AllOrNothing);
        const double ms = msSince(timer);
        if (!imported || imported.value().ids.size() != 10000) {
            report.skipped(metric, imported ? QStringLiteral("%1 rows refused").arg(imported.value().errors.size())
                                            : imported.error().message());
            return;
        }
        samples.append(ms);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 2000.0,
                  QStringLiteral("10,000 CSV rows read, checked (duplicates included) and saved in one transaction "
                                 "into an empty clinic; median of %1")
                      .arg(runs));
}

void benchPatientLongCell(BenchReport &report, const QString &path, int runs)
{
    const QString metric = QStringLiteral("import_long_cell_ms");
    // 1,000,000 characters of accented text (about 1.2 MB of UTF-8) in the notes column of one row.
    const QString words = QStringLiteral("Crème brûlée à côté, Ångström øre Müller ñandú Ærø ");
    QString cell;
    cell.reserve(1000000 + words.size());
    while (cell.size() < 1000000)
        cell += words;
    cell.truncate(1000000);
    const QByteArray csv = "First name,Surname,Date of birth,Notes\n"
                           + QStringLiteral("Zoë,Ångström,1980-01-01,\"%1\"\n").arg(cell).toUtf8();
    const ScratchClinic clinic(path, ScratchClinic::Kind::Empty);
    if (!clinic.failure().isEmpty()) {
        report.skipped(metric, clinic.failure());
        return;
    }
    auto opened = Database::open(clinic.location());
    if (!opened) {
        report.skipped(metric, opened.error().message());
        return;
    }
    QList<double> samples;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto imported = PatientCsvImporter(*opened.value()).import(csv, PatientCsvImporter::Mode::DryRun);
        const double ms = msSince(timer);
        // The cell is over the bound: the file is refused, naming line 2, column 4.
        if (imported || !imported.error().message().contains(QLatin1String("column 4"))) {
            report.skipped(metric,
                           imported ? QStringLiteral("the long cell was not refused") : imported.error().message());
            return;
        }
        samples.append(ms);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 1000.0,
                  QStringLiteral("a %1-byte CSV whose notes cell holds 1,000,000 accented characters: UTF-8 check, "
                                 "parse and the cell bound's refusal (line 2, column 4); median of %2")
                      .arg(csv.size())
                      .arg(runs));
}

void benchPatients(BenchReport &report, const QString &path, int runs)
{
    benchPatientSearch(report, path, runs);
    benchPatientOpen(report, path, runs);
    benchPatientImport(report, path, std::min(runs, 3));
    benchPatientLongCell(report, path, runs);
}

} // namespace dermdesk::bench
