#include "PatientExportCommand.h"

#include "CliContext.h"
#include "DocumentOutput.h"
#include "ScheduleArguments.h"
#include "common/Translation.h"
#include "patients/PatientListExport.h"
#include "records/PatientRecordExport.h"
#include "session/ClinicSession.h"
#include "storage/FilePrivacy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

namespace dermdesk::cli {

namespace {

constexpr TranslationContext tr("dermdesk::cli::PatientExportCommand");

Error unwritable(const QString &path, const QString &reason)
{
    return Error::invalidInput(QStringLiteral("output"), tr("%1 cannot be written: %2").arg(path, reason));
}

int reportWritten(CliContext &context, const QString &path, QJsonObject json = {})
{
    if (context.json()) {
        json.insert(QStringLiteral("output"), path);
        context.printJson(json);
    } else {
        context.out() << path << Qt::endl;
    }
    return 0;
}

} // namespace

QList<QCommandLineOption> PatientExportCommand::options()
{
    return {QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                               tr("The file to write (export: PDF, or JSON with --json; list-csv: CSV)."),
                               QStringLiteral("FILE"))};
}

int PatientExportCommand::exportRecord(CliContext &context, const QCommandLineParser &parser)
{
    auto text = ScheduleArguments::positional(parser, 1, QStringLiteral("ID"));
    bool ok = false;
    const qint64 id = text ? text.value().toLongLong(&ok) : 0;
    if (!ok || id <= 0)
        return context.fail(
            Error::invalidInput(QStringLiteral("ID"), tr("Give the patient's id: patient export ID -o FILE.")));
    auto path = DocumentOutput::path(parser);
    if (!path)
        return context.fail(path.error());
    auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    const PatientRecordExport &exporter = opened.value()->service<PatientRecordExport>();
    auto record = exporter.toJson(id);
    if (!record)
        return context.fail(record.error());
    if (context.json()) {
        const QByteArray bytes = QJsonDocument(record.value()).toJson(QJsonDocument::Indented);
        if (Status s = FilePrivacy::writeWhole(path.value(),
                                               [&bytes, &path](QIODevice &out) -> Status {
                                                   if (out.write(bytes) != bytes.size())
                                                       return unwritable(path.value(), out.errorString());
                                                   return {};
                                               });
            !s)
            return context.fail(s.error());
        return reportWritten(context, path.value());
    }
    const QJsonObject patient = record.value().value(QStringLiteral("patient")).toObject();
    ComposedDocument document;
    document.title = tr("Patient record: %1 %2")
                         .arg(patient.value(QStringLiteral("given_name")).toString(),
                              patient.value(QStringLiteral("family_name")).toString());
    document.patientId = id;
    auto html = exporter.toHtml(id);
    if (!html)
        return context.fail(html.error());
    document.html = html.value();
    return DocumentOutput::write(context, *opened.value(), document, path.value());
}

int PatientExportCommand::listCsv(CliContext &context, const QCommandLineParser &parser)
{
    auto path = DocumentOutput::path(parser);
    if (!path)
        return context.fail(path.error());
    auto opened = context.openExisting(CliContext::Access::Read);
    if (!opened)
        return context.fail(opened.error());
    qint64 written = 0;
    const Status saved = FilePrivacy::writeWhole(path.value(), [&](QIODevice &out) -> Status {
        auto count = opened.value()->service<PatientListExport>().writeCsv(out);
        if (!count)
            return count.error();
        written = count.value();
        return {};
    });
    if (!saved)
        return context.fail(saved.error());
    return reportWritten(context, path.value(), {{QStringLiteral("patients"), written}});
}

} // namespace dermdesk::cli
