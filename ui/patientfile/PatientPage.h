#pragma once

#include "patients/Patient.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QPushButton;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace dermdesk {
class ClinicSession;
struct ChangeSet;
} // namespace dermdesk

namespace dermdesk::ui {

class PatientExports;
class PatientRecordForm;
class PatientTimeline;
class Prompter;
class ScreeningBadge;
class ScreeningForm;

// One patient's page: a header (name, age and birth date, phones, screening status for a treatment today,
// "Book…" and "Back") over tabs for the record, the appointments, the screening questionnaire, the
// treatment plans and the handouts printed. Esc asks for the results list (after asking whether to drop
// unsaved edits). The page follows the session's changes to its patient (record, appointments, screening, plans),
// made here or elsewhere, keeping the tab shown and any unsaved edits (see PatientRecordForm::storedChanged).
// The session and the Prompter must outlive the page.
class PatientPage : public QWidget
{
    Q_OBJECT

public:
    enum Tab {
        RecordTab,
        AppointmentsTab,
        ScreeningTab,
        PlansTab,
        HandoutsTab
    };
    Q_ENUM(Tab)

    PatientPage(ClinicSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~PatientPage() override;

    // Reads and shows the patient (record, appointments, screening, plans); false (with a message in the
    // header) when the patient cannot be read.
    bool load(qint64 patientId);
    // Reads the current patient again (e.g. after a booking).
    void reload();
    [[nodiscard]] qint64 patientId() const { return m_patient.id; }
    [[nodiscard]] const Patient &patient() const { return m_patient; }

    // Whether the page may be left: true when nothing is unsaved, or the person agreed to drop the edits.
    [[nodiscard]] bool confirmLeave();

    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] PatientRecordForm *recordForm() const { return m_record; }
    [[nodiscard]] PatientTimeline *timeline() const { return m_timeline; }
    [[nodiscard]] ScreeningForm *screeningForm() const { return m_screening; }
    [[nodiscard]] ScreeningBadge *screeningBadge() const { return m_badge; }
    [[nodiscard]] QTreeWidget *planView() const { return m_plans; }
    // The "Handouts printed" tab's content: a QVBoxLayout holding only the empty-state label (object name
    // "handoutsEmptyLabel") for now. The handout log fills it (add widgets to its layout, hide the label).
    [[nodiscard]] QWidget *handoutsSection() const { return m_handouts; }
    // The record's exports (JSON, print, PDF) behind the header's Export menu.
    [[nodiscard]] PatientExports &exports() const { return *m_exports; }
    [[nodiscard]] QToolButton *exportButton() const { return m_export; }
    [[nodiscard]] QPushButton *newPlanButton() const { return m_newPlan; }
    [[nodiscard]] QString titleText() const;
    // The line under the name: age, birth date, phones, e-mail.
    [[nodiscard]] QString detailsText() const;

public slots:
    // Works out the screening status again and shows it in the header.
    void updateScreeningStatus();

signals:
    void backRequested();
    void bookRequested(qint64 patientId);
    // "New Plan…" on the Treatment plans tab: start a treatment plan for this patient.
    void newPlanRequested(qint64 patientId);
    // An upcoming appointment was opened on the timeline.
    void openAppointmentRequested(qint64 appointmentId, qint64 startsAtUtc);
    // The record was saved, archived or restored (the results list may show it differently).
    void patientChanged(qint64 patientId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildHeader();
    void buildTabs();
    void showHeader();
    void loadPlans();
    void loadVisits();
    // Shows what is stored now for the patient when `changes` concern them.
    void follow(const dermdesk::ChangeSet &changes);
    void recordSaved(const Patient &patient);

    ClinicSession &m_session;
    Prompter &m_prompter;
    Patient m_patient;

    QWidget *m_header = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_archived = nullptr;
    QLabel *m_details = nullptr;
    ScreeningBadge *m_badge = nullptr;
    QPushButton *m_back = nullptr;
    QAction *m_backAction = nullptr;
    QPushButton *m_book = nullptr;
    QToolButton *m_export = nullptr;
    QPushButton *m_newPlan = nullptr;
    std::unique_ptr<PatientExports> m_exports;
    QTabWidget *m_tabs = nullptr;
    PatientRecordForm *m_record = nullptr;
    PatientTimeline *m_timeline = nullptr;
    ScreeningForm *m_screening = nullptr;
    QTreeWidget *m_plans = nullptr;
    QLabel *m_plansEmpty = nullptr;
    QWidget *m_handouts = nullptr;
};

} // namespace dermdesk::ui
