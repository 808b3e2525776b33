#include "RefreshBench.h"

#include "BenchReport.h"
#include "ScheduleFixture.h"
#include "agenda/ScheduleModel.h"
#include "calendar/BookingService.h"
#include "session/ClinicSession.h"
#include "storage/ChangeWatcher.h"

#include "ScratchClinic.h"
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace dermdesk::bench {

namespace {

// Microseconds since the epoch on the system's real-time clock: the one clock two processes share.
qint64 realtimeUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// What the other process books, written on its command line as "patient,practitioner,type,start,room,now" (room 0:
// none; start and now in UTC Unix seconds).
struct ChildBooking
{
    BookingRequest request;
    qint64 now = 0;

    [[nodiscard]] QString toArgument() const
    {
        return QStringList{QString::number(request.patientId),
                           QString::number(request.practitionerId),
                           QString::number(request.typeId),
                           QString::number(request.startsAt),
                           QString::number(request.roomId.value_or(0)),
                           QString::number(now)}
            .join(QLatin1Char(','));
    }

    static std::optional<ChildBooking> fromArgument(const QString &argument)
    {
        const QStringList fields = argument.split(QLatin1Char(','));
        if (fields.size() != 6)
            return std::nullopt;
        ChildBooking booking;
        booking.request.patientId = fields.at(0).toLongLong();
        booking.request.practitionerId = fields.at(1).toLongLong();
        booking.request.typeId = fields.at(2).toLongLong();
        booking.request.startsAt = fields.at(3).toLongLong();
        if (const qint64 room = fields.at(4).toLongLong())
            booking.request.roomId = room;
        booking.now = fields.at(5).toLongLong();
        // The demo's patients are not all screened: the booking says why it goes ahead, as the desk would.
        booking.request.acknowledgement = QStringLiteral("Benchmark booking: screening discussed");
        return booking;
    }
};

struct RunResult
{
    double latencyMs = 0;
    // From the commit until the session announced it (the change watcher and the audit read).
    double announcedMs = 0;
    QString failure;
};

// One run: the other process books `booking` while `schedule` follows its session, which sets `announcedUs` whenever
// it announces a change; returns when the schedule holds the booking and the other process has reported its commit.
RunResult measureOnce(const ScheduleModel &schedule, const qint64 &announcedUs, const QString &self,
                      const QString &path, const ChildBooking &booking)
{
    RunResult result;
    qint64 heldUs = 0;
    QEventLoop loop;
    QProcess child;
    const auto done = [&] {
        if (heldUs && child.state() == QProcess::NotRunning)
            loop.quit();
    };
    const auto holds = [&] {
        for (const AgendaEntry &entry : schedule.entries()) {
            if (entry.patientId == booking.request.patientId && entry.startsAt == booking.request.startsAt)
                return true;
        }
        return false;
    };
    const QMetaObject::Connection loaded = QObject::connect(&schedule, &ScheduleModel::loaded, &loop, [&] {
        if (!heldUs && holds()) {
            heldUs = realtimeUs();
            done();
        }
    });
    QObject::connect(&child, &QProcess::finished, &loop, done);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    child.start(self, {QStringLiteral("--db"), path, refreshChildOption(), booking.toArgument()});
    loop.exec();
    QObject::disconnect(loaded);
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished();
        result.failure = QStringLiteral("the booking process did not finish within 30 s");
        return result;
    }
    const QStringList reported = QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char(' '));
    if (child.exitCode() != 0 || reported.size() != 2) {
        result.failure = QStringLiteral("the booking process failed: %1")
                             .arg(QString::fromUtf8(child.readAllStandardError()).trimmed());
        return result;
    }
    if (!heldUs) {
        result.failure = QStringLiteral("the schedule did not show the booking within 30 s");
        return result;
    }
    const qint64 committedUs = reported.at(1).trimmed().toLongLong();
    result.latencyMs = double(heldUs - committedUs) / 1000.0;
    result.announcedMs = double(announcedUs - committedUs) / 1000.0;
    return result;
}

} // namespace

QString refreshChildOption()
{
    return QStringLiteral("--book-for-refresh");
}

int bookForRefresh(const QString &path, const QString &argument)
{
    const std::optional<ChildBooking> booking = ChildBooking::fromArgument(argument);
    if (!booking) {
        std::fprintf(stderr, "dermdesk-bench: %s needs patient,practitioner,type,start,room,now\n",
                     qPrintable(refreshChildOption()));
        return 2;
    }
    Database::Options options;
    options.createIfMissing = false;
    auto database = Database::open(path, options);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().message()));
        return database.error().exitCode();
    }
    const FixedClock clock(booking->now);
    BookingService appointments(*database.value(), clock);
    const Result<Appointment> booked = appointments.book(booking->request);
    const qint64 committedUs = realtimeUs();
    if (!booked) {
        std::fprintf(stderr, "%s\n", qPrintable(booked.error().message()));
        return booked.error().exitCode();
    }
    std::printf("%lld %lld\n", static_cast<long long>(booked.value().id), static_cast<long long>(committedUs));
    return 0;
}

void benchRefreshLatency(BenchReport &report, const QString &path, int runs, const QString &self)
{
    const QString metric = QStringLiteral("refresh_latency_ms");
    const ScratchClinic work(path, ScratchClinic::Kind::CopyOf);
    ScheduleFixture fixture = openScheduleCopy(work);
    if (!fixture.failure.isEmpty()) {
        report.skipped(metric, fixture.failure);
        return;
    }
    const QList<qint64> patients = newestPatients(*fixture.database, runs + 1);
    if (patients.size() < runs + 1) {
        report.skipped(metric, QStringLiteral("not enough patients"));
        return;
    }
    const std::unique_ptr<ClinicSession> session = ClinicSession::adopt(std::move(fixture.database), *fixture.clock);
    ScheduleModel schedule(session->database());
    // Connected before the schedule's own slot, so it reads the instant the session announces a change.
    qint64 announcedUs = 0;
    QObject::connect(session.get(), &ClinicSession::changed, &schedule, [&announcedUs] { announcedUs = realtimeUs(); });
    QObject::connect(session.get(), &ClinicSession::changed, &schedule, &ScheduleModel::applyChanges);
    auto &finder = session->service<SlotFinder>();

    QList<double> latencies;
    QList<double> announced;
    for (int i = 0; i < runs + 1; ++i) {
        SlotFinder::Query query = eightWeeks(fixture, 1);
        query.patientId = patients.at(i);
        const auto slot = finder.find(query);
        if (!slot || slot.value().isEmpty()) {
            report.skipped(metric, slot ? QStringLiteral("no free slot to book") : slot.error().message());
            return;
        }
        ChildBooking booking;
        booking.request.patientId = patients.at(i);
        booking.request.practitionerId = slot.value().first().practitionerId;
        booking.request.typeId = fixture.typeId;
        booking.request.startsAt = slot.value().first().startsAt;
        booking.request.roomId = slot.value().first().roomId;
        booking.now = fixture.clock->now().toSecsSinceEpoch();
        // The desk shows the booking's day, every practitioner's column.
        ScheduleModel::View view;
        view.date = fixture.setup->time().localDate(booking.request.startsAt);
        if (Status shown = schedule.setView(view); !shown) {
            report.skipped(metric, shown.error().message());
            return;
        }
        const RunResult run = measureOnce(schedule, announcedUs, self, session->location(), booking);
        if (!run.failure.isEmpty()) {
            report.skipped(metric, run.failure);
            return;
        }
        if (i > 0) { // the first run warms the caches of both processes
            latencies.append(run.latencyMs);
            announced.append(run.announcedMs);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    const QString watcher =
        session->database().isOnServer()
            ? QStringLiteral("the server's LISTEN/NOTIFY, sent by the schema's triggers at the commit; on %1")
                  .arg(work.how())
            : QStringLiteral("change watcher: data_version every %1 ms, and on a write to the -wal file at once and "
                             "then every 15 ms until the commit shows")
                  .arg(session->changeWatcher().interval());
    report.metric(metric, BenchReport::median(latencies), QStringLiteral("ms"),
                  targetFor(session->database(), 1000.0, 250.0),
                  QStringLiteral("another process books %1 on the day shown (%2 practitioner columns); from its commit "
                                 "until this session's schedule model holds the row: median of %3 (%4 to %5 ms); "
                                 "the session announced the change after %6 ms (median; %7)")
                      .arg(typeName(fixture))
                      .arg(schedule.scheduleColumns().size())
                      .arg(latencies.size())
                      .arg(latencies.first(), 0, 'f', 1)
                      .arg(latencies.last(), 0, 'f', 1)
                      .arg(BenchReport::median(announced), 0, 'f', 1)
                      .arg(watcher));
}

} // namespace dermdesk::bench
