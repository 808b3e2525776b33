#include "DemoCommand.h"

#include "CliContext.h"
#include "common/Translation.h"
#include "demo/DemoClinicGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::DemoCommand");

constexpr qint64 quietMs = 1000;

} // namespace

QString DemoCommand::summary() const
{
    return tr("Write a realistic demo clinic (Dr. Connie Hiers and colleagues) to a new file.");
}

QString DemoCommand::synopsis() const
{
    return QStringLiteral("--output FILE [--patients N] [--years Y] [--seed S] [--today YYYY-MM-DD]");
}

QList<QCommandLineOption> DemoCommand::options() const
{
    const DemoOptions defaults;
    return {
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           tr("The new clinic database file to write; an existing file is never overwritten."),
                           QStringLiteral("FILE")),
        QCommandLineOption(
            QStringLiteral("patients"),
            tr("Number of patients, 1 to %1 (default %2).").arg(DemoOptions::maxPatients).arg(defaults.patients),
            QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("years"),
                           tr("Years of history before today, 0 to %1; 0 means about six months (default).")
                               .arg(DemoOptions::maxYears),
                           QStringLiteral("Y")),
        QCommandLineOption(QStringLiteral("seed"),
                           tr("Seed of the generator: the same seed and today give the same clinic (default %1).")
                               .arg(defaults.seed),
                           QStringLiteral("S")),
        QCommandLineOption(QStringLiteral("today"),
                           tr("The demo's today, in the clinic's time zone (default: the real today)."),
                           QStringLiteral("YYYY-MM-DD")),
    };
}

int DemoCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const auto output = CliContext::required(parser, QStringLiteral("output"));
    if (!output)
        return context.fail(output.error());
    const auto patients =
        CliContext::integer(parser, QStringLiteral("patients"), 1, DemoOptions::maxPatients, DemoOptions().patients);
    if (!patients)
        return context.fail(patients.error());
    const auto years = CliContext::integer(parser, QStringLiteral("years"), 0, DemoOptions::maxYears, 0);
    if (!years)
        return context.fail(years.error());
    const auto seed = CliContext::unsignedInteger(parser, QStringLiteral("seed"), DemoOptions().seed);
    if (!seed)
        return context.fail(seed.error());
    const auto today = CliContext::date(parser, QStringLiteral("today"));
    if (!today)
        return context.fail(today.error());

    QElapsedTimer timer;
    timer.start();
    int lastShown = -1;
    DemoOptions options;
    options.patients = int(patients.value());
    options.years = int(years.value());
    options.seed = seed.value();
    options.today = today.value();
    options.progress = [&context, &timer, &lastShown](int percent) {
        if (timer.elapsed() < quietMs || percent < lastShown + 10)
            return;
        lastShown = percent - percent % 10;
        context.err() << tr("Generating the demo clinic: %1%").arg(percent) << Qt::endl;
    };

    const QString path = QFileInfo(output.value()).absoluteFilePath();
    const auto summary = DemoClinicGenerator(options).createFile(output.value());
    if (!summary)
        return context.fail(summary.error());
    const double seconds = double(timer.elapsed()) / 1000.0;
    const DemoSummary &s = summary.value();
    if (context.json()) {
        context.printJson({{QStringLiteral("output"), path},
                           {QStringLiteral("practitioners"), s.practitioners},
                           {QStringLiteral("rooms"), s.rooms},
                           {QStringLiteral("patients"), s.patients},
                           {QStringLiteral("appointments"), s.appointments},
                           {QStringLiteral("plans"), s.plans},
                           {QStringLiteral("sessions"), s.sessions},
                           {QStringLiteral("blockouts"), s.blockouts},
                           {QStringLiteral("seconds"), seconds}});
    } else {
        context.out() << tr("Demo clinic written to %1").arg(QDir::toNativeSeparators(path)) << '\n';
        context.printFields({{tr("Practitioners"), QString::number(s.practitioners)},
                             {tr("Rooms"), QString::number(s.rooms)},
                             {tr("Patients"), QString::number(s.patients)},
                             {tr("Appointments"), QString::number(s.appointments)},
                             {tr("Treatment plans"), QString::number(s.plans)},
                             {tr("Sessions"), QString::number(s.sessions)},
                             {tr("Blockouts"), QString::number(s.blockouts)},
                             {tr("Seconds"), QString::number(seconds, 'f', 1)}});
    }
    return 0;
}

} // namespace dermdesk::cli
