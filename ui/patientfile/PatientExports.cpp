#include "ui/patientfile/PatientExports.h"

#include "common/Translation.h"
#include "patients/PatientListExport.h"
#include "patients/PatientRepository.h"
#include "patients/PatientSummary.h"
#include "records/PatientRecordExport.h"
#include "session/ClinicSession.h"
#include "storage/FilePrivacy.h"
#include "ui/widgets/Prompter.h"
#include "ui/widgets/SaveLocation.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace dermdesk::ui {

namespace {

constexpr TranslationContext tr("dermdesk::ui::PatientExports");

} // namespace

PatientExports::PatientExports(ClinicSession &session, Prompter &prompter, QWidget *parent)
    : m_session(session)
    , m_prompter(prompter)
    , m_parent(parent)
    , m_printer(session, prompter, parent)
{
    setFileChooser(&SaveLocation::ask);
}

void PatientExports::setFileChooser(FileChooser chooser)
{
    m_chooseFile = std::move(chooser);
    m_printer.setFileChooser([this](QWidget *owner, const QString &suggestedName) {
        return m_chooseFile(owner, tr("Save Patient Record as PDF"), suggestedName, tr("PDF documents (*.pdf)"));
    });
}

QString PatientExports::recordTitle(qint64 patientId) const
{
    auto patient = m_session.service<PatientRepository>().find(patientId);
    return patient ? tr("Patient record: %1")
                         .arg(PatientSummary::fullName(patient.value().givenName, patient.value().familyName,
                                                       patient.value().preferredName))
                   : tr("Patient record");
}

bool PatientExports::saveRecordJson(qint64 patientId)
{
    auto record = m_session.service<PatientRecordExport>().toJson(patientId);
    if (!record) {
        m_prompter.showError(m_parent, tr("Export Patient Record"), record.error());
        return false;
    }
    const QString path = m_chooseFile(m_parent, tr("Save Patient Record as JSON"),
                                      QStringLiteral("patient-%1.json").arg(patientId), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return false;
    const QByteArray bytes = QJsonDocument(record.value()).toJson(QJsonDocument::Indented);
    const Status written = FilePrivacy::writeWhole(path, [&bytes](QIODevice &out) -> Status {
        if (out.write(bytes) != bytes.size())
            return Error::invalidInput(QStringLiteral("output"), out.errorString());
        return {};
    });
    if (!written)
        m_prompter.showError(m_parent, tr("Export Patient Record"), written.error());
    return written.ok();
}

bool PatientExports::printRecord(qint64 patientId, HandoutPrinter::Output output)
{
    auto html = m_session.service<PatientRecordExport>().toHtml(patientId);
    if (!html) {
        m_prompter.showError(m_parent, tr("Export Patient Record"), html.error());
        return false;
    }
    ComposedDocument document;
    document.title = recordTitle(patientId);
    document.html = html.value();
    document.patientId = patientId;
    return m_printer.output(document, output);
}

std::optional<qint64> PatientExports::saveList()
{
    const QString path =
        m_chooseFile(m_parent, tr("Export Patient List"), QStringLiteral("patients.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return std::nullopt;
    qint64 rows = 0;
    const Status written = FilePrivacy::writeWhole(path, [this, &rows](QIODevice &out) -> Status {
        auto count = m_session.service<PatientListExport>().writeCsv(out);
        if (!count)
            return count.error();
        rows = count.value();
        return {};
    });
    if (!written) {
        m_prompter.showError(m_parent, tr("Export Patient List"), written.error());
        return std::nullopt;
    }
    return rows;
}

} // namespace dermdesk::ui
