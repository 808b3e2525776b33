#pragma once

#include "education/EducationTemplate.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTextEdit;

namespace dermdesk {
class ClinicSession;
}

namespace dermdesk::ui {

class Prompter;

// The clinic's own education documents (pre-care, aftercare, FAQ, ...) as rich text: pick one on the
// left, edit its title and text (bold, italic, headings, lists), insert fields such as {patient_name},
// choose the expected downtime an aftercare is for, and save; every saved change is a new version.
// Documents shipped with DermDesk say so until the clinic saves its own text. The built-in guide is
// not edited here. A document with unsaved changes is saved when another one is chosen.
class EducationTemplatesDialog : public QDialog
{
    Q_OBJECT

public:
    // The session and the Prompter must outlive the dialog.
    EducationTemplatesDialog(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);

    [[nodiscard]] QListWidget *documentList() const { return m_list; }
    [[nodiscard]] QLineEdit *titleEdit() const { return m_title; }
    [[nodiscard]] QTextEdit *textEdit() const { return m_text; }
    [[nodiscard]] QComboBox *fieldBox() const { return m_fields; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

public slots:
    // Saves the shown document; false (after showing why) when it could not be saved.
    bool save();
    void addDocument();
    void insertField(int index);

private:
    void reload(qint64 selectId);
    void showDocument(int row);
    void setBold(bool on);
    void setItalic(bool on);
    void toggleList();
    void setHeading();
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] EducationTemplate edited() const;

    ClinicSession &m_session;
    Prompter &m_prompter;
    QList<EducationTemplate> m_templates;
    int m_row = -1;
    QListWidget *m_list = nullptr;
    QLineEdit *m_title = nullptr;
    QTextEdit *m_text = nullptr;
    QComboBox *m_fields = nullptr;
    QCheckBox *m_active = nullptr;
    QWidget *m_downtime = nullptr;
    QSpinBox *m_fromHours = nullptr;
    QSpinBox *m_toHours = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace dermdesk::ui
