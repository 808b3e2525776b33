#include "ScheduleBench.h"

#include "BenchReport.h"
#include "DemoDatabase.h"
#include "ScheduleFixture.h"
#include "agenda/AgendaRepository.h"
#include "agenda/ScheduleModel.h"
#include "calendar/BookingService.h"
#include "calendar/ScheduleSetup.h"
#include "calendar/SlotFinder.h"
#include "patients/ScreeningRepository.h"
#include "session/ClinicSession.h"
#include "storage/Database.h"
#include "storage/SqlValue.h"
#include "ui/schedule/ScheduleView.h"
#include "ui/widgets/Theme.h"

#include "ScratchClinic.h"
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace dermdesk::bench {

namespace {

using Fixture = ScheduleFixture;

Fixture open(const QString &path)
{
    return openScheduleFixture(path);
}

} // namespace

void benchFindSlots(BenchReport &report, const QString &path, int runs)
{
    const QString metric = QStringLiteral("find_slots_ms");
    Fixture fixture = open(path);
    if (!fixture.failure.isEmpty()) {
        report.skipped(metric, fixture.failure);
        return;
    }
    const SlotFinder finder(*fixture.database, *fixture.clock);
    const SlotFinder::Query query = eightWeeks(fixture, 10);
    QList<double> samples;
    qsizetype found = 0;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto offered = finder.find(query);
        const double ms = msSince(timer);
        if (!offered) {
            report.skipped(metric, offered.error().message());
            return;
        }
        found = offered.value().size();
        if (i > 0) // the first run warms the page cache
            samples.append(ms);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), targetFor(*fixture.database, 10.0, 15.0),
                  QStringLiteral("first 10 free slots for %1, any practitioner, next 8 weeks (%2 found), median of %3")
                      .arg(typeName(fixture))
                      .arg(found)
                      .arg(runs));
}

namespace {

// Writes again what booking appointment `bookedId` wrote, by bare statements in one BEGIN IMMEDIATE
// transaction: a copy of the appointment twenty years later (so the overlap triggers search and pass), a
// history row and an audit row with the same details. Returns the milliseconds taken, or a negative number.
double bareBooking(const Database &database, qint64 bookedId)
{
    sqlite3 *db = database.nativeHandle();
    const QByteArray id = QByteArray::number(bookedId);
    const QByteArray later = QByteArray::number(qint64(20) * 365 * 86400);
    const QList<QByteArray> statements =
        {"BEGIN IMMEDIATE",
         "INSERT INTO appointment (patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, prep_min, "
         "cleanup_min, status, notes, created_at, updated_at) SELECT patient_id, practitioner_id, room_id, type_id, "
         "starts_at + "
             + later + ", ends_at + " + later
             + ", prep_min, cleanup_min, 'booked', notes, created_at, "
               "updated_at FROM appointment WHERE id = "
             + id,
         "INSERT INTO appointment_status_change (appointment_id, from_status, to_status, at, actor, reason) "
         "SELECT last_insert_rowid(), NULL, 'booked', at, actor, '' FROM appointment_status_change "
         "WHERE appointment_id = "
             + id,
         "INSERT INTO audit_log (at, actor, workstation, action, entity, entity_id, details) "
         "SELECT at, actor, workstation, action, entity, entity_id, details FROM audit_log "
         "WHERE entity = 'appointment' AND entity_id = "
             + id,
         "COMMIT"};
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &sql : statements) {
        if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return -1;
        }
    }
    return msSince(timer);
}

} // namespace

void benchBook(BenchReport &report, const QString &path, int runs)
{
    const QString metric = QStringLiteral("book_ms");
    const ScratchClinic work(path, ScratchClinic::Kind::CopyOf);
    Fixture fixture = openScheduleCopy(work);
    if (!fixture.failure.isEmpty()) {
        report.skipped(metric, fixture.failure);
        return;
    }
    const QList<qint64> patientIds = newestPatients(*fixture.database, runs + 1);
    if (patientIds.isEmpty()) {
        report.skipped(metric, QStringLiteral("no patients"));
        return;
    }

    BookingService repository(*fixture.database, *fixture.clock);
    const SlotFinder finder(*fixture.database, *fixture.clock);
    QList<double> samples;
    QList<double> checkSamples;
    QList<double> rawSamples;
    QList<qint64> bookedIds;
    for (qsizetype i = 0; i < patientIds.size(); ++i) {
        SlotFinder::Query query = eightWeeks(fixture, 1);
        query.patientId = patientIds.at(i);
        auto slot = finder.find(query);
        if (!slot || slot.value().isEmpty()) {
            report.skipped(metric, slot ? QStringLiteral("no free slot to book") : slot.error().message());
            return;
        }
        BookingRequest request;
        request.patientId = patientIds.at(i);
        request.practitionerId = slot.value().first().practitionerId;
        request.typeId = fixture.typeId;
        request.startsAt = slot.value().first().startsAt;
        // Most demo patients were never screened: the booking says why it goes ahead, as the desk would.
        request.acknowledgement = QStringLiteral("Benchmark booking: screening discussed");
        QElapsedTimer timer;
        timer.start();
        auto checked = repository.preview(request);
        const double checkMs = msSince(timer);
        timer.restart();
        auto booked = repository.book(request);
        const double ms = msSince(timer);
        if (!checked || !booked) {
            report.skipped(metric, (checked ? booked.error() : checked.error()).message());
            return;
        }
        bookedIds.append(booked.value().id);
        if (i > 0) {
            samples.append(ms);
            checkSamples.append(checkMs);
        }
    }
    const QString bookNote =
        fixture.database->isOnServer()
            ? QStringLiteral("validate and store %1 at a free time, auto-picked room, one transaction on the clinic's "
                             "write lock with audit and history (synchronous_commit as the server has it), on %2, "
                             "median of %3")
                  .arg(typeName(fixture), work.how())
                  .arg(samples.size())
            : QStringLiteral("validate and store %1 at a free time, auto-picked room, one BEGIN IMMEDIATE "
                             "transaction with audit and history (synchronous=FULL), on a copy, median of %2")
                  .arg(typeName(fixture))
                  .arg(samples.size());
    if (!fixture.database->nativeHandle()) {
        report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"),
                      targetFor(*fixture.database, 2.0, 5.0), bookNote);
        report.metric(QStringLiteral("book_check_ms"), BenchReport::median(checkSamples), QStringLiteral("ms"), {},
                      QStringLiteral("the same bookings checked without writing (BookingService::preview): what "
                                     "book_ms spends before the insert and the commit"));
        report.skipped(QStringLiteral("book_ms_raw"), QStringLiteral("bare sqlite3 statements: a clinic file only"));
        return;
    }
    // After the bookings, not between them: a bare write on this connection would make the next booking
    // read the clinic's set-up again.
    for (qsizetype i = 0; i < bookedIds.size(); ++i) {
        const double rawMs = bareBooking(*fixture.database, bookedIds.at(i));
        if (rawMs < 0) {
            report.skipped(QStringLiteral("book_ms_raw"),
                           QString::fromUtf8(sqlite3_errmsg(fixture.database->nativeHandle())));
            return;
        }
        if (i > 0)
            rawSamples.append(rawMs);
    }
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 2.0, bookNote);
    report.metric(QStringLiteral("book_check_ms"), BenchReport::median(checkSamples), QStringLiteral("ms"), {},
                  QStringLiteral("the same bookings checked without writing (BookingService::preview): what "
                                 "book_ms spends before the insert and the commit's sync to disk"));
    report.metric(QStringLiteral("book_ms_raw"), BenchReport::median(rawSamples), QStringLiteral("ms"), {},
                  QStringLiteral("the same rows (the appointment, its history row, its audit row) written by bare "
                                 "sqlite3 statements in one BEGIN IMMEDIATE transaction on the same connection and "
                                 "pragmas, after the bookings: the floor the disk's sync sets"));
}

void benchWeekLoad(BenchReport &report, const QString &path, int runs)
{
    Fixture fixture = open(path);
    if (!fixture.failure.isEmpty()) {
        report.skipped(QStringLiteral("week_load_ms"), fixture.failure);
        return;
    }
    const ClinicTime &time = fixture.setup->time();
    const QDate today = time.localDate(fixture.clock->now().toSecsSinceEpoch());
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const ClinicTime::Range week = time.daysRange(monday, 7);

    // The same rows by bare queries: the statements the model reads its rows with, stepped with the C API
    // and every column read (text as UTF-8): AgendaRepository::forSchedule's (the appointments, their
    // patients' names, the plan-session columns and the screening facts) and the screening answers of the booked
    // patients whose rows say that some latest answer is yes (ScreeningRepository::latestYesAnswers). The blockouts' read is left out, so the ratio
    // errs against the model. Returns the milliseconds taken, or a negative number on failure.
    // Null on a clinic server: then the model alone is measured.
    sqlite3 *db = fixture.database->nativeHandle();
    qsizetype rawRows = 0;
    qint64 rawBytes = 0;
    // Steps `sql` with `values` bound in order, reading every column (and the patient id in column
    // `patientColumn` into `patients`, when given, for the rows whose column `flagColumn` is not 0).
    const auto stepAll = [&](const char *sql, const QList<qint64> &values, qsizetype &count, qint64 &bytes,
                             int patientColumn, int flagColumn, QList<qint64> *patients) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
            return false;
        for (qsizetype i = 0; i < values.size(); ++i)
            sqlite3_bind_int64(statement, int(i) + 1, values.at(i));
        const int columns = sqlite3_column_count(statement);
        while (sqlite3_step(statement) == SQLITE_ROW) {
            for (int column = 0; column < columns; ++column) {
                if (sqlite3_column_type(statement, column) == SQLITE_TEXT)
                    bytes += qstrlen(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)));
                else
                    bytes += sqlite3_column_int64(statement, column) != 0 ? 8 : 0;
            }
            if (patients && sqlite3_column_int64(statement, flagColumn) != 0)
                patients->append(sqlite3_column_int64(statement, patientColumn));
            ++count;
        }
        return sqlite3_finalize(statement) == SQLITE_OK;
    };
    // AgendaRepository::scheduleStatement()'s patient id column, and its column saying that the latest answer to a
    // screening question is yes. The screening answers are read for every such patient of the week (the model asks
    // for those of live treatment sessions only), so the ratio errs against the model.
    constexpr int schedulePatientColumn = 5;
    constexpr int scheduleScreeningYesColumn = 19;
    const auto bareRead = [&]() -> double {
        QElapsedTimer timer;
        timer.start();
        qsizetype count = 0;
        qint64 bytes = 0;
        QList<qint64> patients;
        if (!stepAll(AgendaRepository::scheduleStatement(), {week.from, week.to}, count, bytes, schedulePatientColumn,
                     scheduleScreeningYesColumn, &patients))
            return -1;
        rawRows = count;
        std::sort(patients.begin(), patients.end());
        patients.erase(std::unique(patients.begin(), patients.end()), patients.end());
        for (qsizetype from = 0; from < patients.size(); from += sqlListBatch) {
            const QList<qint64> batch = patients.mid(from, sqlListBatch);
            if (!stepAll(ScreeningRepository::latestYesStatement(batch.size()).constData(), batch, count, bytes,
                         0, 0, nullptr))
                return -1;
        }
        rawBytes = bytes;
        return msSince(timer);
    };

    // What the schedule view does for the compact week of all practitioners: the model's whole load
    // (set-up check, appointments with their plan-session marks, screening alerts, blockouts, columns with
    // their closed hours). The model and the bare read take turns, so both meet the same state of the
    // caches; the first turn of each warms them and is not counted.
    ScheduleModel model(*fixture.database);
    ScheduleModel::View view;
    view.mode = ScheduleModel::Mode::CompactWeek;
    view.date = monday;
    QList<double> samples;
    QList<double> rawSamples;
    qsizetype rows = 0;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Status loaded = model.setView(view);
        const double ms = msSince(timer);
        if (!loaded) {
            report.skipped(QStringLiteral("week_load_ms"), loaded.error().message());
            return;
        }
        rows = model.rowCount();
        const double rawMs = db ? bareRead() : 0;
        if (rawMs < 0) {
            report.skipped(QStringLiteral("week_load_ms_raw"), QString::fromUtf8(sqlite3_errmsg(db)));
            return;
        }
        if (i > 0) {
            samples.append(ms);
            rawSamples.append(rawMs);
        }
    }
    // For comparison: the general agenda read (every name joined per row, notes included).
    const AgendaRepository agenda(*fixture.database);
    QList<double> agendaSamples;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto entries = agenda.between(week);
        const double ms = msSince(timer);
        if (!entries) {
            report.skipped(QStringLiteral("week_agenda_ms"), entries.error().message());
            return;
        }
        if (i > 0)
            agendaSamples.append(ms);
    }

    const double modelMs = BenchReport::median(samples);
    const double raw = BenchReport::median(rawSamples);
    const QString note = QStringLiteral("compact week of %1, all practitioners (%2 columns), %3 rows, median of %4")
                             .arg(monday.toString(Qt::ISODate))
                             .arg(model.scheduleColumns().size())
                             .arg(rows)
                             .arg(runs);
    report.metric(QStringLiteral("week_load_ms"), BenchReport::median(samples), QStringLiteral("ms"),
                  targetFor(*fixture.database, 10.0, 15.0),
                  note
                      + QStringLiteral(", ScheduleModel::setView (appointments with plan marks, screening alerts, "
                                       "blockouts, closed hours)")
                      + (db ? QStringLiteral(", taking turns with the bare read") : QString()));
    report.metric(QStringLiteral("week_agenda_ms"), BenchReport::median(agendaSamples), QStringLiteral("ms"), {},
                  QStringLiteral("the same week through AgendaRepository::between (names joined per row, notes)"));
    if (!db) {
        report.skipped(QStringLiteral("week_load_ms_raw"), QStringLiteral("bare sqlite3 queries: a clinic file only"));
        return;
    }
    report.metric(QStringLiteral("week_load_ms_raw"), raw, QStringLiteral("ms"), {},
                  QStringLiteral("the same %1 appointment rows and the screening answers of the booked patients with a yes (%2 "
                                 "bytes in all) by bare sqlite3 queries, taking turns with the model")
                      .arg(rawRows)
                      .arg(rawBytes));
    report.metric(QStringLiteral("week_load_ratio"), raw > 0 ? modelMs / raw : 0, QStringLiteral("ratio"), 2.0);
}

void benchDayPaint(BenchReport &report, const QString &path, int runs, const QString &pngPath)
{
    const QString metric = QStringLiteral("day_paint_ms");
    auto *application = qobject_cast<QApplication *>(QCoreApplication::instance());
    Fixture fixture = open(path);
    if (!application || !fixture.failure.isEmpty()) {
        report.skipped(metric, application ? fixture.failure : QStringLiteral("no QApplication"));
        return;
    }
    ui::applyTheme(*application);
    const QDate today = fixture.setup->time().localDate(fixture.clock->now().toSecsSinceEpoch());
    const std::unique_ptr<ClinicSession> session = ClinicSession::adopt(std::move(fixture.database), *fixture.clock);
    ScheduleModel model(session->database());
    ScheduleModel::View view;
    view.date = today;
    if (Status loaded = model.setView(view); !loaded) {
        report.skipped(metric, loaded.error().message());
        return;
    }
    ui::ScheduleView schedule(model, *session);
    schedule.resize(1600, 1000);
    schedule.show();
    QCoreApplication::processEvents();
    schedule.scrollToOpening();
    QList<double> samples;
    // One frame buffer for every run, as a window's backing store is: the figure is the painting.
    QImage frame(schedule.size(), QImage::Format_ARGB32_Premultiplied);
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer timer;
        timer.start();
        schedule.render(&frame);
        const double ms = msSince(timer);
        if (i > 0) // the first paint loads fonts and builds the glyph cache
            samples.append(ms);
    }
    if (!pngPath.isEmpty())
        frame.save(pngPath);
    const int shown = schedule.geometry()
                          ? int(std::min<double>(model.scheduleColumns().size(),
                                                 std::ceil((1600 - 60) / schedule.geometry()->columnWidth())))
                          : 0;
    report.metric(metric, BenchReport::median(samples), QStringLiteral("ms"), 8.0,
                  QStringLiteral("ScheduleView::render() of %1 at 1600x1000: %2 practitioner columns (%3 in view), "
                                 "%4 appointments, median of %5")
                      .arg(today.toString(Qt::ISODate))
                      .arg(model.scheduleColumns().size())
                      .arg(shown)
                      .arg(model.rowCount())
                      .arg(runs));
}

void benchSchedule(BenchReport &report, const QString &path, int runs)
{
    benchWeekLoad(report, path, runs);
    benchFindSlots(report, path, runs);
    benchBook(report, path, runs);
}

} // namespace dermdesk::bench
