#pragma once

#include "treatment/TreatmentPlan.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

namespace dermdesk {
class ClinicSession;
}

namespace dermdesk::ui {

class DateField;
class PatientPicker;

// Creates or edits a treatment plan: patient, session type and lead practitioner, concerns (the guide's and
// the clinic's), areas with planned depth, planned sessions (the clinic's default for a new plan), the
// interval window in weeks, preferred weekdays and times, goals and notes. Saved through
// TreatmentPlanRepository; refusals appear in the dialog naming the field, nothing saved. A concern or area
// Clinic Settings has retired or renamed since the plan was made stays listed, ticked. A stored plan's
// consent row shows the signed consent or "Not recorded"; "Record Consent…" opens an inline form (the
// clinic's current form version, the date signed, today by default) that records it at once through
// TreatmentPlanRepository::recordConsent (audited), whether or not the plan is then saved. The session must
// outlive the dialog.
class PlanEditor : public QDialog
{
    Q_OBJECT

public:
    // A new plan for `patientId`, shown in the type-ahead patient field (0: the person picks the patient there).
    PlanEditor(ClinicSession &session, qint64 patientId, QWidget *parent = nullptr);
    // Edits stored plan `plan`.
    PlanEditor(ClinicSession &session, const TreatmentPlan &plan, QWidget *parent = nullptr);

    [[nodiscard]] PatientPicker *patientPicker() const { return m_patient; }
    [[nodiscard]] QSpinBox *sessionsBox() const { return m_sessions; }
    [[nodiscard]] QSpinBox *minWeeksBox() const { return m_minWeeks; }
    [[nodiscard]] QSpinBox *maxWeeksBox() const { return m_maxWeeks; }
    [[nodiscard]] QListWidget *concernList() const { return m_concerns; }
    [[nodiscard]] QTableWidget *areaTable() const { return m_areas; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    [[nodiscard]] QLabel *consentLabel() const { return m_consentStatus; }
    [[nodiscard]] QPushButton *recordConsentButton() const { return m_recordConsent; }
    [[nodiscard]] QLineEdit *consentVersionEdit() const { return m_consentVersion; }
    [[nodiscard]] DateField *consentDateEdit() const { return m_consentDate; }
    // The inline form's button that writes the consent.
    [[nodiscard]] QPushButton *consentConfirmButton() const { return m_consentConfirm; }
    // The plan as saved (its id set); valid after the dialog was accepted.
    [[nodiscard]] const TreatmentPlan &plan() const { return m_plan; }

    // The plan as the form holds it now.
    [[nodiscard]] TreatmentPlan currentPlan() const;
    void save();

    // "Form MN-2026-1, signed 2026-11-20 (recorded by ana)", or "Not recorded" when `plan` has no consent.
    [[nodiscard]] static QString consentText(const TreatmentPlan &plan);

private:
    void build();
    void load(const TreatmentPlan &plan);
    // Appends an unticked row for `area` with `depthMm` in the depth box.
    void addAreaRow(const QString &area, double depthMm);
    // The consent row and its inline form (hidden until "Record Consent…").
    [[nodiscard]] QWidget *buildConsent();
    void showConsent();
    void openConsentForm();
    void recordConsent();
    // Shows the inline consent form (whose Record is then the default button) or the "Record Consent…" button.
    void setConsentFormOpen(bool open);

    ClinicSession &m_session;
    TreatmentPlan m_plan;
    PatientPicker *m_patient = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_practitioner = nullptr;
    QSpinBox *m_sessions = nullptr;
    QSpinBox *m_minWeeks = nullptr;
    QSpinBox *m_maxWeeks = nullptr;
    QListWidget *m_concerns = nullptr;
    QTableWidget *m_areas = nullptr;
    QList<QCheckBox *> m_weekdays;
    QCheckBox *m_anyTime = nullptr;
    QTimeEdit *m_from = nullptr;
    QTimeEdit *m_to = nullptr;
    QPlainTextEdit *m_goals = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_consentStatus = nullptr;
    QPushButton *m_recordConsent = nullptr;
    QFrame *m_consentForm = nullptr;
    QLineEdit *m_consentVersion = nullptr;
    DateField *m_consentDate = nullptr;
    QPushButton *m_consentConfirm = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace dermdesk::ui
