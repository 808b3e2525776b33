#pragma once

#include "patients/PatientSummary.h"
#include "ui/widgets/FormFeedback.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace dermdesk {
class ClinicSession;
struct Patient;
} // namespace dermdesk

namespace dermdesk::ui {

// A short form to register a patient while booking: given and family name, birth date (typed as the
// locale writes dates, or ISO), mobile phone, e-mail (optional). Create validates (PatientFieldRules::check,
// naming the field) and first looks for the same person (possibleDuplicates): when there are matches it
// lists them with what matched (phone, name, birth date) and Create becomes "Create new patient", still
// the default button: Enter registers the new patient. Taking an existing record is a click on "Use
// selected patient" (or a double-click on it), never Enter. Emits patientReady() with the new or chosen
// patient and accepts. A newly registered patient is then offered the screening step (ScreeningDialog, over
// the dialog's parent; skippable), announced by screeningOffered(). The session must outlive the dialog.
class DateField;
class ScreeningDialog;

class NewPatientDialog : public QDialog
{
    Q_OBJECT
    Q_MOC_INCLUDE("ui/patientfile/ScreeningDialog.h")

public:
    explicit NewPatientDialog(ClinicSession &session, QWidget *parent = nullptr);
    ~NewPatientDialog() override;

    // Fills the form from what was typed in a patient search: a word that reads as a date goes to the birth
    // date, a phone number (digits with + ( ) - . /) to the phone, an e-mail to the e-mail; of the other
    // words, "Family, Given" is split at the comma, else the last word is the family name (a single word
    // is taken as the family name). The first field left empty takes the focus.
    void setNameText(const QString &text);

    // The patient created or chosen; valid once patientReady() was emitted.
    [[nodiscard]] const PatientSummary &patient() const { return m_patient; }
    [[nodiscard]] QString outcomeText() const;
    [[nodiscard]] QString errorField() const { return m_feedback->errorField(); }
    // The possible duplicates shown; empty while none are.
    [[nodiscard]] QListWidget *duplicateList() const { return m_duplicates; }

public slots:
    void create();
    // Uses the possible duplicate selected in duplicateList() instead of creating a patient.
    void useSelectedDuplicate();

signals:
    void patientReady(qint64 patientId);
    // After a new patient was registered (not when an existing one was chosen): the screening step opened
    // for them. It outlives this dialog; it deletes itself when closed.
    void screeningOffered(dermdesk::ui::ScreeningDialog *screening);

private:
    [[nodiscard]] Patient entered() const;
    void fieldsEdited();

    ClinicSession &m_session;
    std::unique_ptr<FormFeedback> m_feedback;
    QList<PatientSummary> m_found;
    // Set once the person saw the possible duplicates of what is entered now and still wants a new patient.
    bool m_duplicatesSeen = false;
    PatientSummary m_patient;

    QLineEdit *m_given = nullptr;
    QLineEdit *m_family = nullptr;
    DateField *m_birthDate = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_email = nullptr;
    QListWidget *m_duplicates = nullptr;
    QPushButton *m_useDuplicate = nullptr;
    QPushButton *m_create = nullptr;
};

} // namespace dermdesk::ui
