// dermdesk-bench: performance figures on a generated clinic (DESIGN.md, "Benchmarks").
// Never run by the test suite. Prints one JSON object per line; exit code 0 even when a target
// is missed (the line says so), 2 on bad usage, 5 when the database cannot be opened.
#include "BenchReport.h"
#include "DemoDatabase.h"
#include "DesksBench.h"
#include "EducationBench.h"
#include "PatientBench.h"
#include "RefreshBench.h"
#include "ScheduleBench.h"
#include "ScratchClinic.h"
#include "StartupBench.h"
#include "TreatmentBench.h"
#include "common/AppIdentity.h"
#include "demo/DemoClinicGenerator.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <memory>

#include <cstdio>

using namespace dermdesk;
using namespace dermdesk::bench;

namespace {

void benchOpen(BenchReport &report, const QString &path, int runs)
{
    QList<double> samples;
    qint64 appointments = 0;
    for (int i = 0; i < runs; ++i) {
        // As the desktop program opens it: a large file's integrity check runs on a worker thread.
        Database::Options desktop;
        desktop.verification = Database::Options::Verification::InBackground;
        desktop.openDamaged = true;
        QElapsedTimer timer;
        timer.start();
        auto opened = Database::open(path, desktop);
        samples.append(msSince(timer));
        if (!opened) {
            report.skipped(QStringLiteral("open_ms"), opened.error().message());
            return;
        }
        if (i == 0) {
            QSqlQuery query(opened.value()->connection());
            if (query.exec(QStringLiteral("SELECT max(id) FROM appointment")) && query.next())
                appointments = query.value(0).toLongLong();
        }
    }
    if (isServerLocation(path)) {
        report.metric(QStringLiteral("open_ms"), BenchReport::median(samples), QStringLiteral("ms"), {},
                      QStringLiteral("open an up-to-date clinic database with %1 appointments on the server "
                                     "(connection, identity, version check), median of %2")
                          .arg(appointments)
                          .arg(runs));
        report.skipped(QStringLiteral("quick_check_ms"), QStringLiteral("SQLite's check of a clinic file"));
        return;
    }
    report.metric(QStringLiteral("open_ms"), BenchReport::median(samples), QStringLiteral("ms"), {},
                  QStringLiteral("open an up-to-date clinic database with %1 appointments (pragmas, identity, "
                                 "version check; the integrity check goes on in the background), median of %2")
                      .arg(appointments)
                      .arg(runs));

    // Opening and checking the whole file: what dermdesk-cli adds to every command, and how long a change
    // made at the desk right after start-up waits for the background check.
    QList<double> checks;
    for (int i = 0; i < runs; ++i) {
        Database::Options desktop;
        desktop.verification = Database::Options::Verification::InBackground;
        QElapsedTimer timer;
        timer.start();
        auto opened = Database::open(path, desktop);
        const Status checked = opened ? opened.value()->writable() : Status(opened.error());
        checks.append(msSince(timer));
        if (!checked) {
            report.skipped(QStringLiteral("quick_check_ms"), checked.error().message());
            return;
        }
    }
    report.metric(QStringLiteral("quick_check_ms"), BenchReport::median(checks), QStringLiteral("ms"), {},
                  QStringLiteral("open and run SQLite's quick_check of the whole file (before every dermdesk-cli "
                                 "command; in the background in the desktop program, holding changes), median of %1")
                      .arg(runs));
}

// Migrating a large clinic: integrity check, backup copy, then the next schema script. The next
// script is a stand-in (an added column and index) until the program has a second migration.
void benchMigrate(BenchReport &report, const QString &path)
{
    if (isServerLocation(path)) {
        report.skipped(QStringLiteral("migrate_ms"),
                       QStringLiteral("the stand-in migration is measured on a clinic file (its backup copy first)"));
        return;
    }
    QTemporaryDir work(QFileInfo(path).absolutePath() + QStringLiteral("/bench-XXXXXX"));
    if (!work.isValid()) {
        report.skipped(QStringLiteral("migrate_ms"), QStringLiteral("no temporary folder beside the database"));
        return;
    }
    const QString copy = work.filePath(QStringLiteral("copy.dermdesk"));
    {
        auto source = Database::open(path);
        if (!source || !source.value()->backupTo(copy)) {
            report.skipped(QStringLiteral("migrate_ms"), QStringLiteral("could not copy the database"));
            return;
        }
    }
    const QString scripts = work.filePath(QStringLiteral("sql"));
    QDir().mkpath(scripts);
    QFile::copy(QStringLiteral(":/sql/001_initial.sql"), scripts + QStringLiteral("/001_initial.sql"));
    for (int version = 2; version <= Database::latestSchemaVersion(); ++version) {
        const QStringList names =
            QDir(QStringLiteral(":/sql")).entryList({QStringLiteral("%1_*.sql").arg(version, 3, 10, QLatin1Char('0'))});
        for (const QString &name : names)
            QFile::copy(QStringLiteral(":/sql/") + name, scripts + QLatin1Char('/') + name);
    }
    QFile next(
        scripts
        + QStringLiteral("/%1_bench_next.sql").arg(Database::latestSchemaVersion() + 1, 3, 10, QLatin1Char('0')));
    if (!next.open(QIODevice::WriteOnly)) {
        report.skipped(QStringLiteral("migrate_ms"), QStringLiteral("could not write the stand-in migration"));
        return;
    }
    next.write("ALTER TABLE appointment ADD COLUMN reminder_sent_at INTEGER;\n"
               "CREATE INDEX appointment_status_start ON appointment (status, starts_at);\n");
    next.close();

    Database::Options options;
    options.migrationsFolder = scripts;
    QElapsedTimer timer;
    timer.start();
    auto migrated = Database::open(copy, options);
    const double ms = msSince(timer);
    if (!migrated) {
        report.skipped(QStringLiteral("migrate_ms"), migrated.error().message());
        return;
    }
    report.metric(QStringLiteral("migrate_ms"), ms, QStringLiteral("ms"), {},
                  QStringLiteral("one run: quick_check + backup copy + a column and an index on appointment"));
}

void benchGeneration(BenchReport &report, const QString &path, int patients)
{
    if (isServerLocation(path)) {
        report.skipped(QStringLiteral("demo_generation_rate"),
                       QStringLiteral("the demo generator writes a clinic file: measured with --db FILE"));
        return;
    }
    const QString folder = QFileInfo(path).absolutePath();
    QTemporaryDir work(folder + QStringLiteral("/bench-XXXXXX"));
    DemoOptions options;
    options.patients = patients;
    options.years = 10;
    options.today = QDate(2026, 11, 26);
    QElapsedTimer timer;
    timer.start();
    auto summary = DemoClinicGenerator(options).createFile(work.filePath(QStringLiteral("demo.dermdesk")));
    const double seconds = msSince(timer) / 1000.0;
    if (!summary) {
        report.skipped(QStringLiteral("demo_generation_rate"), summary.error().message());
        return;
    }
    report.metric(QStringLiteral("demo_generation_rate"), double(summary.value().appointments) / seconds,
                  QStringLiteral("appointments/s"), {},
                  QStringLiteral("%1 patients, 10 years: %2 appointments in %3 s")
                      .arg(patients)
                      .arg(summary.value().appointments)
                      .arg(seconds, 0, 'f', 2));
}

void benchStartup(BenchReport &report, const QString &path, const QString &app, const QString &baseline, int runs)
{
    QList<double> appWall, appSelf, appPeak, emptyWall;
    QString failure;
    // One warm-up each, so every measured launch finds the same warm file cache.
    launchOnce(app, {QStringLiteral("--database"), path, QStringLiteral("--startup-probe")}, &failure);
    launchOnce(baseline, {}, &failure);
    failure.clear();
    for (int i = 0; i < runs; ++i) {
        const auto sample =
            launchOnce(app, {QStringLiteral("--database"), path, QStringLiteral("--startup-probe")}, &failure);
        if (!sample) {
            report.skipped(QStringLiteral("startup_to_schedule_ms"), failure);
            return;
        }
        appWall.append(sample->wallMs);
        appSelf.append(sample->selfReportedMs);
        appPeak.append(sample->peakRssMib);
        const auto empty = launchOnce(baseline, {}, &failure);
        if (!empty) {
            report.skipped(QStringLiteral("startup_empty_window_ms"), failure);
            return;
        }
        emptyWall.append(empty->wallMs);
    }
    const double schedule = BenchReport::median(appWall);
    const double empty = BenchReport::median(emptyWall);
    report.metric(QStringLiteral("startup_empty_window_ms"), empty, QStringLiteral("ms"), {},
                  QStringLiteral("process start to first paint of an empty Qt main window, median of %1").arg(runs));
    report.metric(QStringLiteral("startup_to_schedule_ms"), schedule, QStringLiteral("ms"), 100.0,
                  QStringLiteral("process start to the first painted schedule, median of %1 (the program's own "
                                 "figure from main(): %2 ms)")
                      .arg(runs)
                      .arg(BenchReport::median(appSelf), 0, 'f', 1));
    report.metric(QStringLiteral("startup_vs_empty_window"), schedule / empty, QStringLiteral("ratio"), 2.0);
    report.metric(QStringLiteral("startup_peak_mib"), BenchReport::median(appPeak), QStringLiteral("MiB"), 100.0,
                  QStringLiteral("peak resident memory (VmHWM) at the first painted schedule"));
}

QString besideMe(const QString &relative)
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(relative);
}

} // namespace

// Whether the "paint" group is asked for (it needs a QApplication, the others do not): no --only, or an
// --only list naming it. Read before any application object exists.
bool wantsPaint(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument.startsWith("--only=") || argument == "--only") {
            // "education" lays out PDFs, which needs fonts: a QGuiApplication at least.
            const QByteArray groups = argument == "--only" && i + 1 < argc ? QByteArray(argv[i + 1]) : argument.mid(7);
            return groups.contains("paint") || groups.contains("education") || groups.contains("refresh");
        }
        // The other processes of refresh_latency_ms and desks8_book_p95_ms book and quit.
        if (argument == refreshChildOption().toUtf8() || argument == deskChildOption().toUtf8())
            return false;
    }
    return true;
}

int main(int argc, char *argv[])
{
    const bool paint = wantsPaint(argc, argv);
    if (paint && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app =
        paint ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("DermDesk performance figures, one JSON object per line."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Clinic to measure: a clinic file (made by dermdesk-cli demo) or "
                                                     "a clinic server's address, postgresql://user@host/db (a clinic "
                                                     "copied there by dermdesk-cli copy-clinic). Every line names "
                                                     "its engine."),
                                      QStringLiteral("FILE|URL"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions per figure (default 9)."),
                                        QStringLiteral("N"), QStringLiteral("9"));
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The dermdesk program to launch."),
                                       QStringLiteral("PATH"), besideMe(QStringLiteral("../../app/dermdesk")));
    const QCommandLineOption
        onlyOption(QStringLiteral("only"),
                   QStringLiteral("Comma-separated groups: storage,generation,startup,schedule,paint,"
                                  "patients,treatment,education,refresh,desks (default: all). Figures that book "
                                  "(book_ms, refresh, desks) write on a scratch copy removed after: beside a clinic "
                                  "file, or on a server a copy database made with CREATE DATABASE … TEMPLATE (no one "
                                  "else may be connected to the clinic's database meanwhile); the imports use a new "
                                  "empty clinic on the same engine. treatment stores a plan in the clinic itself: "
                                  "use a copy."),
                   QStringLiteral("GROUPS"));
    const QCommandLineOption generationOption(QStringLiteral("generation-patients"),
                                              QStringLiteral("Patients for the generation-rate run (default 20000)."),
                                              QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption pngOption(QStringLiteral("png"),
                                       QStringLiteral("Save the painted day of the paint group to this PNG file."),
                                       QStringLiteral("FILE"));
    QCommandLineOption refreshChild(refreshChildOption().mid(2),
                                    QStringLiteral("Book one appointment for refresh_latency_ms and print the instant "
                                                   "of its commit (the benchmark runs itself with this)."),
                                    QStringLiteral("BOOKING"));
    refreshChild.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption deskChild(deskChildOption().mid(2),
                                 QStringLiteral("Be one desk of desks8_book_p95_ms: book these bookings when told "
                                                "to on stdin (the benchmark runs itself with this)."),
                                 QStringLiteral("BOOKINGS"));
    deskChild.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {dbOption, runsOption, appOption, onlyOption, generationOption, pngOption, refreshChild, deskChild});
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "%s\n\n%s", qPrintable(parser.errorText()), qPrintable(parser.helpText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    const QString path = parser.value(dbOption);
    const int runs = parser.value(runsOption).toInt();
    if (path.isEmpty() || runs < 1) {
        std::fprintf(stderr, "dermdesk-bench: --db FILE|URL is required and --runs must be at least 1\n\n%s",
                     qPrintable(parser.helpText()));
        return 2;
    }
    if (parser.isSet(refreshChild))
        return bookForRefresh(path, parser.value(refreshChild));
    if (parser.isSet(deskChild))
        return bookAsDesk(path, parser.value(deskChild));
    Database::Options readOnlyCheck;
    readOnlyCheck.createIfMissing = false;
    BenchReport report;
    {
        auto probe = Database::open(path, readOnlyCheck);
        if (!probe) {
            std::fprintf(stderr, "dermdesk-bench: %s\n", qPrintable(probe.error().message()));
            return probe.error().exitCode();
        }
        report.setEngine(probe.value()->isOnServer() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    }
    const QStringList only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto wanted = [&only](const char *group) { return only.isEmpty() || only.contains(QLatin1String(group)); };

    if (wanted("storage")) {
        benchOpen(report, path, runs);
        benchMigrate(report, path);
    }
    if (wanted("generation"))
        benchGeneration(report, path, parser.value(generationOption).toInt());
    if (wanted("startup"))
        benchStartup(report, path, parser.value(appOption), besideMe(QStringLiteral("dermdesk-bench-empty-window")),
                     runs);
    if (wanted("schedule"))
        benchSchedule(report, path, runs);
    if (wanted("paint"))
        benchDayPaint(report, path, runs, parser.value(pngOption));
    if (wanted("patients"))
        benchPatients(report, path, runs);
    if (wanted("treatment"))
        benchTreatment(report, path, runs);
    if (wanted("education"))
        benchEducation(report, path, runs);
    if (wanted("refresh")) {
        benchRefreshLatency(report, path, runs, QCoreApplication::applicationFilePath());
        benchRefreshLocal(report, path, runs);
    }
    if (wanted("desks"))
        benchDesks(report, path, runs, QCoreApplication::applicationFilePath());
    return 0;
}
