#pragma once

#include "ui/handouts/HandoutPrinter.h"

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;

// Writing what the clinic holds about patients to files, from the Patients area: one patient's complete record
// (for a patient's access request) as JSON, or as a document to preview, print or save as PDF; and the patient
// list as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read accents). Files are written whole or
// not at all; errors go through the Prompter. The session and the Prompter must outlive it.
class PatientExports
{
public:
    PatientExports(ClinicSession &session, Prompter &prompter, QWidget *parent);

    // Where a file goes: a save dialog by default; tests set their own (an empty answer is a cancel).
    using FileChooser = std::function<QString(QWidget *parent, const QString &title, const QString &suggestedName,
                                              const QString &filter)>;
    void setFileChooser(FileChooser chooser);

    // True when the file was written.
    bool saveRecordJson(qint64 patientId);
    // The record as a printable document: Preview, Print or Pdf. True when it was printed or saved.
    bool printRecord(qint64 patientId, HandoutPrinter::Output output);
    // The number of patients written; nullopt when cancelled or refused.
    std::optional<qint64> saveList();

private:
    [[nodiscard]] QString recordTitle(qint64 patientId) const;

    ClinicSession &m_session;
    Prompter &m_prompter;
    QWidget *m_parent;
    FileChooser m_chooseFile;
    HandoutPrinter m_printer;
};

} // namespace dermdesk::ui
