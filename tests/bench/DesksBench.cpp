#include "DesksBench.h"

#include "BenchReport.h"
#include "ScheduleFixture.h"
#include "ScratchClinic.h"
#include "calendar/BookingService.h"
#include "calendar/SlotFinder.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace dermdesk::bench {

namespace {

constexpr int desks = 8;
constexpr int waitMs = 300000;

// The bookings a desk makes, written on its command line: "now;patient,practitioner,type,start,room;..." (room 0:
// none; instants in UTC Unix seconds).
QString bookingsArgument(qint64 now, const QList<BookingRequest> &requests)
{
    QStringList parts{QString::number(now)};
    for (const BookingRequest &request : requests) {
        parts.append(QStringList{QString::number(request.patientId), QString::number(request.practitionerId),
                                 QString::number(request.typeId), QString::number(request.startsAt),
                                 QString::number(request.roomId.value_or(0))}
                         .join(QLatin1Char(',')));
    }
    return parts.join(QLatin1Char(';'));
}

BookingRequest benchRequest(qint64 patient, const SlotFinder::Slot &slot, qint64 typeId)
{
    BookingRequest request;
    request.patientId = patient;
    request.practitionerId = slot.practitionerId;
    request.typeId = typeId;
    request.startsAt = slot.startsAt;
    request.roomId = slot.roomId;
    // The demo's patients are not all screened: the booking says why it goes ahead, as the desk would.
    request.acknowledgement = QStringLiteral("Benchmark booking: screening discussed");
    return request;
}

double percentile(QList<double> samples, double fraction)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype rank = qsizetype(std::ceil(fraction * double(samples.size()))) - 1;
    return samples.at(std::clamp<qsizetype>(rank, 0, samples.size() - 1));
}

// Free slots for the fixture's type from the demo's today on, none within an hour of another (so bookings in them
// cannot meet at a practitioner, a room or a patient), at most `count`.
QList<SlotFinder::Slot> separateSlots(const ScheduleFixture &fixture, const SlotFinder &finder, int count,
                                      QString &failure)
{
    QList<SlotFinder::Slot> picked;
    SlotFinder::Query query = eightWeeks(fixture, 200);
    const QDate last = query.from.addDays(26 * 7);
    while (picked.size() < count && query.from <= last) {
        const auto found = finder.find(query);
        if (!found) {
            failure = found.error().message();
            return {};
        }
        for (const SlotFinder::Slot &slot : found.value()) {
            const bool apart = std::none_of(picked.cbegin(), picked.cend(), [&slot](const SlotFinder::Slot &other) {
                return slot.startsAt < other.endsAt + 3600 && other.startsAt < slot.endsAt + 3600;
            });
            if (apart && picked.size() < count)
                picked.append(slot);
        }
        query.from = query.to.addDays(1);
        query.to = query.from.addDays(8 * 7 - 1);
    }
    if (picked.size() < count)
        failure = QStringLiteral("only %1 separate free slots found in 26 weeks").arg(picked.size());
    return picked;
}

// What the desks reported: per booking its time and whether it was stored, and each desk's first booking.
struct DeskResults
{
    QList<double> firstMs;
    QList<double> bookedMs;
    QList<double> allMs;
    int booked = 0;
    QStringList refusals;
    QString failure;
};

DeskResults runDesks(const QString &self, const QString &location, const QStringList &arguments)
{
    DeskResults results;
    std::vector<std::unique_ptr<QProcess>> children;
    for (const QString &argument : arguments) {
        auto child = std::make_unique<QProcess>();
        child->setProcessChannelMode(QProcess::SeparateChannels);
        child->start(self, {QStringLiteral("--db"), location, deskChildOption(), argument});
        children.push_back(std::move(child));
    }
    const auto stop = [&children](const QString &why) {
        for (auto &child : children) {
            child->kill();
            child->waitForFinished();
        }
        return why;
    };
    // Every desk opens the clinic and makes its first booking; then all are told to go at once.
    for (auto &child : children) {
        QElapsedTimer waited;
        waited.start();
        while (!child->canReadLine() && waited.elapsed() < waitMs) {
            if (!child->waitForReadyRead(1000) && child->state() == QProcess::NotRunning)
                break;
        }
        const QByteArray line = child->readLine().trimmed();
        const QList<QByteArray> ready = line.split(' ');
        if (ready.size() != 3 || ready.at(0) != "ready" || ready.at(2) != "ok") {
            results.failure =
                stop(QStringLiteral("a desk did not get ready: %1 %2")
                         .arg(QString::fromUtf8(line), QString::fromUtf8(child->readAllStandardError()).trimmed()));
            return results;
        }
        results.firstMs.append(ready.at(1).toDouble());
    }
    for (auto &child : children)
        child->write("go\n");
    for (auto &child : children)
        child->waitForBytesWritten(waitMs);
    // Every desk stays open until all have booked, as desks do: one closing would take the server's time from the
    // others' last bookings.
    QList<QByteArray> lines;
    for (auto &child : children) {
        QElapsedTimer waited;
        waited.start();
        bool done = false;
        while (!done && waited.elapsed() < waitMs) {
            while (!done && child->canReadLine()) {
                const QByteArray line = child->readLine().trimmed();
                done = line == "done";
                if (!done)
                    lines.append(line);
            }
            if (!done && !child->waitForReadyRead(1000) && child->state() == QProcess::NotRunning)
                break;
        }
        if (!done) {
            results.failure = stop(
                QStringLiteral("a desk failed: %1").arg(QString::fromUtf8(child->readAllStandardError()).trimmed()));
            return results;
        }
    }
    for (auto &child : children)
        child->write("quit\n");
    for (auto &child : children) {
        if (!child->waitForFinished(waitMs) || child->exitCode() != 0) {
            results.failure = stop(
                QStringLiteral("a desk failed: %1").arg(QString::fromUtf8(child->readAllStandardError()).trimmed()));
            return results;
        }
    }
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 2)
            continue;
        const double ms = fields.at(0).toDouble();
        results.allMs.append(ms);
        if (fields.at(1) == "ok") {
            ++results.booked;
            results.bookedMs.append(ms);
        } else {
            results.refusals.append(QString::fromUtf8(fields.at(1)));
        }
    }
    return results;
}

// Pairs of appointments holding their slot that overlap at a practitioner, a room (cleanup included) or a patient,
// where the later one has an id above `before`; -1 when it cannot be read.
qint64 doubleBookings(const Database &database, qint64 before)
{
    const QString holding = QStringLiteral("a.status NOT IN ('cancelled', 'no_show') "
                                           "AND b.status NOT IN ('cancelled', 'no_show')");
    const QString withCleanup = QStringLiteral("a.starts_at < b.ends_at + 60 * b.cleanup_min "
                                               "AND b.starts_at < a.ends_at + 60 * a.cleanup_min");
    const QStringList checks = {
        QStringLiteral("a.practitioner_id = b.practitioner_id AND ") + withCleanup,
        QStringLiteral("a.room_id = b.room_id AND ") + withCleanup,
        QStringLiteral("a.patient_id = b.patient_id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"),
    };
    qint64 total = 0;
    QSqlQuery query(database.connection());
    for (const QString &check : checks) {
        query.prepare(QStringLiteral("SELECT count(*) FROM appointment b JOIN appointment a ON a.id < b.id AND %1 "
                                     "WHERE b.id > ? AND %2")
                          .arg(check, holding));
        query.addBindValue(before);
        if (!query.exec() || !query.next())
            return -1;
        total += query.value(0).toLongLong();
    }
    return total;
}

} // namespace

QString deskChildOption()
{
    return QStringLiteral("--desk-book");
}

int bookAsDesk(const QString &path, const QString &argument)
{
    QStringList parts = argument.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (parts.size() < 3) {
        std::fprintf(stderr,
                     "dermdesk-bench: %s needs now;patient,practitioner,type,start,room;... (two bookings at "
                     "least: the first is made before the desks start together)\n",
                     qPrintable(deskChildOption()));
        return 2;
    }
    const qint64 now = parts.takeFirst().toLongLong();
    QList<BookingRequest> requests;
    for (const QString &part : parts) {
        const QStringList fields = part.split(QLatin1Char(','));
        if (fields.size() != 5)
            return 2;
        SlotFinder::Slot slot;
        slot.practitionerId = fields.at(1).toLongLong();
        slot.startsAt = fields.at(3).toLongLong();
        if (const qint64 room = fields.at(4).toLongLong())
            slot.roomId = room;
        requests.append(benchRequest(fields.at(0).toLongLong(), slot, fields.at(2).toLongLong()));
    }
    Database::Options options;
    options.createIfMissing = false;
    auto database = Database::open(path, options);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().message()));
        return database.error().exitCode();
    }
    const FixedClock clock(now);
    BookingService service(*database.value(), clock);
    // A desk that has been open a while has booked before: the first booking of a connection also pays for the
    // server reading the catalog and compiling the triggers of every table a booking writes. It is made and timed
    // here, before the desks start together, and reported on the ready line.
    QElapsedTimer first;
    first.start();
    const Result<Appointment> warm = service.book(requests.takeFirst());
    const double firstMs = msSince(first);
    if (!warm) {
        std::fprintf(stderr, "%s\n", qPrintable(warm.error().message()));
        return warm.error().exitCode();
    }
    std::printf("ready %.3f ok\n", firstMs);
    std::fflush(stdout);
    char line[16];
    if (!std::fgets(line, sizeof line, stdin))
        return 2;
    QList<QByteArray> lines;
    for (const BookingRequest &request : requests) {
        QElapsedTimer timer;
        timer.start();
        const Result<Appointment> booked = service.book(request);
        const double ms = msSince(timer);
        lines.append(QByteArray::number(ms, 'f', 3) + ' '
                     + (booked ? QByteArray("ok") : booked.error().code().toUtf8()));
    }
    for (const QByteArray &out : lines)
        std::printf("%s\n", out.constData());
    std::printf("done\n");
    std::fflush(stdout);
    // The desk closes when told, once every desk has booked.
    if (!std::fgets(line, sizeof line, stdin))
        return 2;
    return 0;
}

void benchDesks(BenchReport &report, const QString &path, int runs, const QString &self)
{
    const QString metric = QStringLiteral("desks8_book_p95_ms");
    const QString raceMetric = QStringLiteral("desks8_race_double_bookings");
    const QString firstMetric = QStringLiteral("desks8_first_book_ms");
    const ScratchClinic work(path, ScratchClinic::Kind::CopyOf);
    ScheduleFixture fixture = openScheduleCopy(work);
    const auto skip = [&](const QString &why) {
        report.skipped(metric, why);
        report.skipped(firstMetric, why);
        report.skipped(raceMetric, why);
    };
    if (!fixture.failure.isEmpty()) {
        skip(fixture.failure);
        return;
    }
    const Database &database = *fixture.database;
    const BookingService service(*fixture.database, *fixture.clock);
    const SlotFinder finder(*fixture.database, *fixture.clock);
    QString failure;
    // The slots, in order: each desk's first booking and `runs` slots of its own; each desk's first booking before
    // the race; the `runs` slots all desks race for.
    const int perDesk = runs + 1;
    const int raceFirsts = desks * perDesk;
    const int raced = raceFirsts + desks;
    const QList<SlotFinder::Slot> freeSlots = separateSlots(fixture, finder, raced + runs, failure);
    if (!failure.isEmpty()) {
        skip(failure);
        return;
    }
    QList<qint64> patients = newestPatients(database, 40 * desks * (perDesk + runs));
    const qint64 now = fixture.clock->now().toSecsSinceEpoch();
    // One desk's bookings into the slots at `indexes`, each for the next patient of the pool whose booking passes
    // every check; empty when the pool runs out.
    const auto deskArgument = [&](const QList<int> &indexes) -> QString {
        QList<BookingRequest> requests;
        for (const int index : indexes) {
            const SlotFinder::Slot &slot = freeSlots.at(index);
            qint64 patient = 0;
            while (!patient && !patients.isEmpty()) {
                const qint64 candidate = patients.takeFirst();
                if (service.preview(benchRequest(candidate, slot, fixture.typeId)))
                    patient = candidate;
            }
            if (!patient)
                return {};
            requests.append(benchRequest(patient, slot, fixture.typeId));
        }
        return bookingsArgument(now, requests);
    };
    QStringList separate;
    QStringList racing;
    for (int desk = 0; desk < desks; ++desk) {
        QList<int> own;
        QList<int> race{raceFirsts + desk};
        for (int i = 0; i < perDesk; ++i)
            own.append(desk * perDesk + i);
        for (int i = 0; i < runs; ++i)
            race.append(raced + i);
        separate.append(deskArgument(own));
        racing.append(deskArgument(race));
        if (separate.last().isEmpty() || racing.last().isEmpty()) {
            skip(QStringLiteral("not enough patients who may be booked"));
            return;
        }
    }
    qint64 before = 0;
    {
        QSqlQuery query(database.connection());
        if (query.exec(QStringLiteral("SELECT max(id) FROM appointment")) && query.next())
            before = query.value(0).toLongLong();
    }

    const DeskResults apart = runDesks(self, work.location(), separate);
    if (!apart.failure.isEmpty()) {
        skip(apart.failure);
        return;
    }
    const bool server = database.isOnServer();
    report.metric(metric, percentile(apart.bookedMs, 0.95), QStringLiteral("ms"),
                  server ? std::optional<double>(15.0) : std::nullopt,
                  QStringLiteral("%1 desks (processes), each having made its first booking, each booking %2 "
                                 "different free slots of %3 at once through BookingService, on %4: %5 of %6 booked "
                                 "(refused: %7); per booking median %8 ms, slowest %9 ms; 95th percentile of the "
                                 "bookings stored")
                      .arg(desks)
                      .arg(runs)
                      .arg(typeName(fixture), work.how())
                      .arg(apart.booked)
                      .arg(apart.allMs.size())
                      .arg(apart.refusals.isEmpty() ? QStringLiteral("none") : apart.refusals.join(QLatin1Char(' ')))
                      .arg(BenchReport::median(apart.bookedMs), 0, 'f', 2)
                      .arg(percentile(apart.allMs, 1.0), 0, 'f', 2));
    report.metric(firstMetric, BenchReport::median(apart.firstMs), QStringLiteral("ms"), std::nullopt,
                  QStringLiteral("the first booking of each of the %1 desks, made as the desks open one after another "
                                 "(the connection's first write: the server reads the catalog and compiles the "
                                 "triggers); median, slowest %2 ms")
                      .arg(desks)
                      .arg(percentile(apart.firstMs, 1.0), 0, 'f', 2));

    const DeskResults race = runDesks(self, work.location(), racing);
    if (!race.failure.isEmpty()) {
        report.skipped(raceMetric, race.failure);
        return;
    }
    const qint64 found = doubleBookings(database, before);
    if (found < 0) {
        report.skipped(raceMetric, QStringLiteral("the overlap count could not be read"));
        return;
    }
    QStringList codes = race.refusals;
    codes.removeDuplicates();
    report.metric(raceMetric, double(found), QStringLiteral("pairs"), 0.0,
                  QStringLiteral("%1 desks racing for the same %2 slots (each desk for other patients): %3 booked, %4 "
                                 "refused (%5), per attempt 95th percentile %6 ms; then overlapping holding "
                                 "appointments per practitioner, room (cleanup included) and patient counted by SQL "
                                 "among all appointments booked by both runs")
                      .arg(desks)
                      .arg(runs)
                      .arg(race.booked)
                      .arg(race.refusals.size())
                      .arg(codes.isEmpty() ? QStringLiteral("none") : codes.join(QStringLiteral(", ")))
                      .arg(percentile(race.allMs, 0.95), 0, 'f', 2));
}

} // namespace dermdesk::bench
