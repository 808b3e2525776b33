#pragma once

#include "education/ComposedDocument.h"
#include "education/Guide.h"
#include "education/HandoutOptions.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace dermdesk::ui {

class HandoutPrinter;
class Prompter;

// Choosing what a patient's handout holds (guide sections, plan and appointments, pre-care, aftercare,
// the clinic's other documents) and sending it to the print preview, a printer or a PDF file. Warnings
// from composing (an unknown field in a template) are shown above the buttons. Printing logs the handout.
class HandoutDialog : public QDialog
{
    Q_OBJECT

public:
    HandoutDialog(HandoutPrinter &printer, qint64 patientId, Prompter &prompter, QWidget *parent = nullptr);

    // Reads the guide, the templates and composes once; false (after showing the error) when that fails.
    bool load();

    [[nodiscard]] QListWidget *sectionList() const { return m_sections; }
    [[nodiscard]] QListWidget *documentList() const { return m_documents; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    [[nodiscard]] QLabel *warningLabel() const { return m_warnings; }
    // What the checkboxes and lists say now.
    [[nodiscard]] HandoutOptions options() const;

public slots:
    void preview();
    void print();
    void savePdf();

private:
    void send(int output);
    [[nodiscard]] std::optional<ComposedDocument> compose();

    HandoutPrinter &m_printer;
    qint64 m_patientId = 0;
    Prompter &m_prompter;
    Guide m_guide;
    QListWidget *m_sections = nullptr;
    QCheckBox *m_plan = nullptr;
    QCheckBox *m_preCare = nullptr;
    QCheckBox *m_aftercare = nullptr;
    QListWidget *m_documents = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace dermdesk::ui
