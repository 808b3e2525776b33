#pragma once

#include "patients/Patient.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace dermdesk {
class ClinicSession;
class Error;
} // namespace dermdesk

namespace dermdesk::ui {

class DateField;
class Prompter;

// Every field of a patient's record, edited in place: names, birth date, phones, e-mail, address,
// emergency contact, preferred channel and consent to reminders, Fitzpatrick type, allergies (known items
// as check boxes plus free text), medications and notes. Save validates (PatientFieldRules::check) and
// saves nothing when a field is wrong: the field's label turns red and a message under it names the field
// and the rule. Revert puts back what is stored. Archive / Restore asks first through the Prompter.
// The session and the Prompter must outlive the form.
class PatientRecordForm : public QWidget
{
    Q_OBJECT

public:
    PatientRecordForm(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);

    // Shows `patient` as stored and forgets unsaved edits.
    void setPatient(const Patient &patient);
    // The record as stored now (read again after a change elsewhere). Without unsaved edits the form shows it; with
    // them the edits stay, the form says the record was changed elsewhere, and Save is refused until Revert (which
    // shows the record as stored now).
    void storedChanged(const Patient &stored);
    // Whether the record was changed elsewhere while the form held unsaved edits.
    [[nodiscard]] bool hasConflict() const { return m_conflict.has_value(); }
    [[nodiscard]] const Patient &patient() const { return m_patient; }
    // Whether the fields differ from what is stored.
    [[nodiscard]] bool isModified() const { return m_modified; }
    // The message under the field stored as `key` ("email", "birth_date", ...); empty when it is fine.
    [[nodiscard]] QString fieldMessage(const QString &key) const;
    // The line under the buttons: saved, nothing saved and why, or a failure.
    [[nodiscard]] QString outcomeText() const;

    // The allergies the form offers as check boxes (translated), in order.
    [[nodiscard]] static QStringList knownAllergies();

public slots:
    // Saves the fields when they are valid; returns whether the record was saved.
    bool save();
    void revert();
    // Asks, then archives the patient (or restores an archived one).
    void toggleArchived();

signals:
    // The record was saved, archived or restored; `patient` is what is stored now.
    void saved(const dermdesk::Patient &patient);
    void modifiedChanged(bool modified);

private:
    void buildFields();
    void buildLayout();
    [[nodiscard]] Patient entered() const;
    [[nodiscard]] QStringList snapshot() const;
    void edited();
    void clearMessages();
    void showFieldError(const Error &error);
    void showOutcome(const QString &text, bool error);
    void updateButtons();
    QLabel *messageFor(const QString &key);

    ClinicSession &m_session;
    Prompter &m_prompter;
    Patient m_patient;
    // The record as stored now, when it changed elsewhere under unsaved edits.
    std::optional<Patient> m_conflict;
    QStringList m_stored;
    bool m_modified = false;
    bool m_loading = false;

    QLineEdit *m_given = nullptr;
    QLineEdit *m_family = nullptr;
    QLineEdit *m_preferred = nullptr;
    DateField *m_birthDate = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_phoneHome = nullptr;
    QLineEdit *m_email = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_emergency = nullptr;
    QComboBox *m_channel = nullptr;
    QCheckBox *m_consent = nullptr;
    QComboBox *m_fitzpatrick = nullptr;
    QList<QCheckBox *> m_knownAllergies;
    QLineEdit *m_otherAllergies = nullptr;
    QPlainTextEdit *m_medications = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_archive = nullptr;
    QLabel *m_outcome = nullptr;
    // Field key → its row label and the message under it.
    QHash<QString, QLabel *> m_labels;
    QHash<QString, QLabel *> m_messages;
};

} // namespace dermdesk::ui
