#pragma once

#include "patients/PatientCsvImporter.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QGroupBox;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTreeWidget;

namespace dermdesk {
class ClinicSession;
} // namespace dermdesk

namespace dermdesk::ui {

class Prompter;

// Importing patients from a CSV file (a clinic switching systems): choose the file, check the column mapping
// (guessed from the header, each patient field a combo box), see the first rows, run a dry run that lists every
// bad row by line number and field, then Import — after Prompter::confirm — saves the rows in one transaction
// (PatientCsvImporter). When the dry run found bad rows the dialog asks, with two choices, whether to import
// nothing until the file is fixed or to import the valid rows and skip the others; Import waits for the second
// choice. Changing the file or the mapping asks for a new dry run. A check or an import that takes over a second
// shows a progress bar (window-modal, rows checked). The file is read through BoundedFile (ordinary files of at
// most CsvReader::maxBytes).
// The session and the Prompter must outlive the dialog.
class PatientImportDialog : public QDialog
{
    Q_OBJECT

public:
    PatientImportDialog(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);

    // Reads `path` and shows its header, guessed mapping and first rows. InvalidInput "file" when it cannot
    // be read as CSV (the message is also shown in the dialog).
    Status loadFile(const QString &path);

    [[nodiscard]] QPushButton *dryRunButton() const { return m_dryRun; }
    [[nodiscard]] QPushButton *importButton() const { return m_import; }
    [[nodiscard]] QString summaryText() const;
    // The mapping's combo box for a patient field ("birth_date"); its data is the column index, -1 for none.
    [[nodiscard]] QComboBox *mappingBox(const QString &field) const { return m_mapping.value(field); }
    // The question shown when a dry run found bad rows, and its two answers.
    [[nodiscard]] QGroupBox *badRowsChoice() const { return m_badRows; }
    [[nodiscard]] QRadioButton *importNothingChoice() const { return m_importNothing; }
    [[nodiscard]] QRadioButton *skipBadRowsChoice() const { return m_skipBadRows; }

public slots:
    void browse();
    void runDryRun();
    void importNow();

signals:
    // After a successful import: the new patients' ids, in file order.
    void imported(const QList<qint64> &ids);

private:
    [[nodiscard]] QHash<QString, int> mapping() const;
    [[nodiscard]] Result<PatientCsvImporter::Report> runImport(PatientCsvImporter::Mode mode);
    void mappingChanged();
    void badRowsChoiceChanged();
    void resetBadRowsChoice();
    void showErrors(const PatientCsvImporter::Report &report);
    void showProblem(const QString &text);

    ClinicSession &m_session;
    Prompter &m_prompter;
    QByteArray m_bytes;
    bool m_checked = false;
    // The last dry run's counts.
    int m_validRows = 0;
    int m_badRowCount = 0;

    QLineEdit *m_path = nullptr;
    QFormLayout *m_mappingForm = nullptr;
    QHash<QString, QComboBox *> m_mapping;
    QTableWidget *m_preview = nullptr;
    QTreeWidget *m_errors = nullptr;
    QGroupBox *m_badRows = nullptr;
    QRadioButton *m_importNothing = nullptr;
    QRadioButton *m_skipBadRows = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace dermdesk::ui
