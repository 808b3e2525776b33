#include "DocumentOutput.h"

#include "CliContext.h"
#include "common/Translation.h"
#include "ui/print/DocumentPrinter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::DocumentOutput");

} // namespace

QCommandLineOption DocumentOutput::outputOption()
{
    return QCommandLineOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        tr("The PDF file to write (replaced if it exists), on the paper Clinic Settings chose (Automatic: "
           "Letter or A4 as usual in the clinic's country)."),
        QStringLiteral("FILE.pdf"));
}

Result<QString> DocumentOutput::path(const QCommandLineParser &parser)
{
    auto output = CliContext::required(parser, QStringLiteral("output"));
    if (!output)
        return output.error();
    return QFileInfo(output.value()).absoluteFilePath();
}

int DocumentOutput::write(CliContext &context, const ClinicSession &session, const ComposedDocument &document,
                          const QString &path, const std::function<Result<qint64>()> &log)
{
    const PageSetup setup = PageSetup::forClinic(session, document);
    if (Status written = DocumentPrinter::writePdf(document.html, path, setup); !written) {
        const Error &error = written.error();
        return context.fail(Error(error.kind(), error.code(), error.message(), QStringLiteral("--output")));
    }
    for (const QString &warning : document.warnings)
        context.err() << tr("warning: %1").arg(CliContext::shown(warning)) << Qt::endl;
    std::optional<qint64> id;
    if (log) {
        auto logged = log();
        if (!logged)
            return context.fail(logged.error());
        id = logged.value();
    }
    if (context.json()) {
        QJsonObject report{{QStringLiteral("output"), path},
                           {QStringLiteral("warnings"), QJsonArray::fromStringList(document.warnings)}};
        if (id)
            report.insert(QStringLiteral("id"), *id);
        context.printJson(report);
    } else {
        context.out() << QDir::toNativeSeparators(path) << Qt::endl;
    }
    return 0;
}

} // namespace dermdesk::cli
