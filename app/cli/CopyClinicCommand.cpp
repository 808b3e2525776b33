#include "CopyClinicCommand.h"

#include "CliContext.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"
#include "storage/ClinicCopy.h"
#include "storage/Database.h"
#include "storage/ServerAddress.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::CopyClinicCommand");

// Tables from this size on report their progress on stderr, every progressStep rows.
constexpr qint64 progressFrom = 10000;
constexpr qint64 progressStep = 50000;

} // namespace

QString CopyClinicCommand::summary() const
{
    return tr("Copy the whole clinic into an empty database on a clinic server, or from a server into a new file.");
}

QString CopyClinicCommand::details() const
{
    return tr("Every table is copied with its ids, the audit log included, in one transaction on the target; the "
              "patient search index is rebuilt there. Before the copy is kept, every table's row count and a "
              "checksum of all its rows are compared on both sides, and a report lists them (--json: one object "
              "with a \"tables\" array). The target is an empty PostgreSQL database (postgresql://user@host/db; "
              "DermDesk sets up its tables there) or a new FILE.dermdesk. A target that already holds a clinic, or "
              "a file that exists, is refused with exit 5 and nothing is written; if the copy fails half-way the "
              "target is left as it was (a new file is removed). Large tables report their progress on stderr.");
}

QList<QCommandLineOption> CopyClinicCommand::options() const
{
    return {QCommandLineOption(QStringLiteral("to"),
                               tr("Where to copy the clinic: an empty clinic server database (postgresql://...) or "
                                  "a new clinic file."),
                               QStringLiteral("TARGET"))};
}

int CopyClinicCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const auto to = CliContext::required(parser, QStringLiteral("to"));
    if (!to)
        return context.fail(to.error());
    std::optional<ServerAddress> server;
    if (ServerAddress::looksLikeServer(to.value())) {
        auto address = ServerAddress::parse(to.value());
        if (!address)
            return context.fail(address.error());
        server = address.value();
    }
    const QString file = server ? QString() : QFileInfo(to.value()).absoluteFilePath();
    if (!server && QFileInfo::exists(file))
        return context.fail(Error::storage(QStringLiteral("target_not_empty"),
                                           tr("%1 already exists; a clinic is copied only into a new file. Nothing "
                                              "was written.")
                                               .arg(QDir::toNativeSeparators(file))));

    const auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    const Database &source = opened.value()->database();

    ClinicCopy copy(source);
    copy.setProgress([&context](const QString &table, qint64 copied, qint64 rows) {
        if (rows >= progressFrom && (copied == rows || (copied > 0 && copied % progressStep == 0)))
            context.err() << tr("copy-clinic: %1: %2 of %3 rows copied").arg(table).arg(copied).arg(rows) << Qt::endl;
    });
    QElapsedTimer timer;
    timer.start();
    Result<QList<ClinicCopy::Table>> copied = Error::storage(QStringLiteral("copy"), QString());
    QString target;
    if (server) {
        target = server->display();
        Database::Options options;
        options.createIfMissing = true;
        auto opened = Database::open(server->toUri(), options);
        if (!opened)
            return context.fail(opened.error());
        copied = copy.into(*opened.value());
    } else {
        target = QDir::toNativeSeparators(file);
        copied = copy.intoNewFile(file);
    }
    if (!copied)
        return context.fail(copied.error());
    const double seconds = double(timer.elapsed()) / 1000.0;

    qint64 total = 0;
    for (const ClinicCopy::Table &table : copied.value())
        total += table.rebuilt ? 0 : table.targetRows;
    if (context.json()) {
        QJsonArray tables;
        for (const ClinicCopy::Table &table : copied.value()) {
            QJsonObject entry{{QStringLiteral("table"), table.name},
                              {QStringLiteral("rows"), table.targetRows},
                              {QStringLiteral("source_rows"), table.sourceRows},
                              {QStringLiteral("matches"), table.matches()}};
            if (table.rebuilt)
                entry.insert(QStringLiteral("rebuilt"), true);
            else
                entry.insert(QStringLiteral("checksum"), table.targetChecksum);
            tables.append(entry);
        }
        context.printJson({{QStringLiteral("source"), source.path()},
                           {QStringLiteral("target"), target},
                           {QStringLiteral("rows"), total},
                           {QStringLiteral("seconds"), seconds},
                           {QStringLiteral("tables"), tables}});
        return 0;
    }
    QTextStream &out = context.out();
    out << tr("Copied the clinic to %1: %2 tables, %3 rows in %4 s; every table's row count and checksum match.")
               .arg(target)
               .arg(copied.value().size())
               .arg(total)
               .arg(seconds, 0, 'f', 1)
        << Qt::endl;
    for (const ClinicCopy::Table &table : copied.value()) {
        const QString proof = table.rebuilt ? tr("search index, rebuilt")
                                            : QStringLiteral("sha256 %1").arg(table.targetChecksum.left(16));
        out << QStringLiteral("  %1 %2  %3").arg(table.name, -28).arg(table.targetRows, 9).arg(proof) << Qt::endl;
    }
    return 0;
}

} // namespace dermdesk::cli
