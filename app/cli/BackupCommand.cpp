#include "BackupCommand.h"

#include "CliContext.h"
#include "common/Translation.h"
#include "session/ClinicSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::BackupCommand");

} // namespace

QString BackupCommand::summary() const
{
    return tr("Copy the clinic database to a new file, consistently, while others may be using it.");
}

QList<QCommandLineOption> BackupCommand::options() const
{
    return {QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                               tr("The backup file to write; an existing file is never overwritten."),
                               QStringLiteral("FILE"))};
}

int BackupCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const auto output = CliContext::required(parser, QStringLiteral("output"));
    if (!output)
        return context.fail(output.error());
    const QString path = QFileInfo(output.value()).absoluteFilePath();
    if (QFileInfo::exists(path))
        return context.fail(
            Error::invalidInput(QStringLiteral("--output"), tr("%1 already exists; a backup never overwrites a file.")
                                                                .arg(QDir::toNativeSeparators(path))));
    const auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    if (Status copied = opened.value()->database().backupTo(path); !copied)
        return context.fail(copied.error());

    const qint64 bytes = QFileInfo(path).size();
    if (context.json())
        context.printJson({{QStringLiteral("output"), path}, {QStringLiteral("bytes"), bytes}});
    else
        context.out() << tr("Backup written to %1 (%2 bytes)").arg(QDir::toNativeSeparators(path)).arg(bytes)
                      << Qt::endl;
    return 0;
}

} // namespace dermdesk::cli
